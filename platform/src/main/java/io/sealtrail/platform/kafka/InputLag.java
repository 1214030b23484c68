package io.sealtrail.platform.kafka;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How far a stream thread's consumer is behind the end of one of its input partitions, as its last
 * fetch saw it (the consumer's {@code records-lag} metric), asked from a processor on that thread.
 *
 * <p>Why: a task that processed nothing for a while is not necessarily caught up. On a busy stream
 * thread its partition may simply not have been fetched yet while others' backlogs are processed; a
 * task that then says it has nothing left to process lets other partitions decide before the events
 * still waiting in its partition (the 3,000-device demo's false UNVERIFIED_COMPONENT).
 */
public interface InputLag {
  /** Records behind the end of {@code topic}'s {@code partition}; empty when not (yet) known. */
  OptionalLong of(String topic, int partition);

  /**
   * The lag the consumer of the calling stream thread reports, among the streams {@link
   * #register}ed in this JVM (several nodes of one application may share a JVM in tests: the
   * thread's name tells whose consumer it is).
   */
  InputLag OF_CALLING_THREAD = Registry::lagOfCallingThread;

  /** Makes {@code streams}' consumers' lags known to {@link #OF_CALLING_THREAD}. */
  static void register(KafkaStreams streams) {
    Registry.STREAMS.add(streams);
  }

  /** Forgets {@code streams} when it closes. */
  static void unregister(KafkaStreams streams) {
    Registry.STREAMS.remove(streams);
  }

  /** The registered streams and the lookup by the calling thread's consumer. */
  final class Registry {
    private static final Set<KafkaStreams> STREAMS = ConcurrentHashMap.newKeySet();

    private Registry() {}

    private static OptionalLong lagOfCallingThread(String topic, int partition) {
      // A stream thread is named <client id>-StreamThread-<n>; its consumer <thread name>-consumer.
      String consumer = Thread.currentThread().getName() + "-consumer";
      String partitionTag = Integer.toString(partition);
      for (KafkaStreams streams : STREAMS) {
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
          MetricName name = metric.getKey();
          Map<String, String> tags = name.tags();
          if (name.name().equals("records-lag")
              && consumer.equals(tags.get("client-id"))
              && partitionTag.equals(tags.get("partition"))
              && (topic.equals(tags.get("topic"))
                  || topic.replace('.', '_').equals(tags.get("topic")))) {
            Object value = metric.getValue().metricValue();
            if (value instanceof Double lag && !lag.isNaN()) {
              return OptionalLong.of(lag.longValue());
            }
          }
        }
      }
      return OptionalLong.empty();
    }
  }
}
