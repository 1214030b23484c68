package io.sealtrail.bench.kafka;

import io.sealtrail.bench.Progress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group (a Streams application id) has committed every record of a topic:
 * the moment its processing of a preloaded input is done, whatever the topology writes.
 */
public final class ConsumedWatch {
  private static final Duration POLL = Duration.ofMillis(50);

  private ConsumedWatch() {}

  /** The topic's end offsets, read once: the input is loaded before the watch starts. */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    Set<TopicPartition> partitions =
        admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .collect(Collectors.toSet());
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** Returns when {@code group} committed up to {@code ends} (nanoTime of the observation). */
  public static long awaitCommitted(
      Admin admin, String group, Map<TopicPartition, Long> ends, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long total = ends.values().stream().mapToLong(Long::longValue).sum();
    long lastReport = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long done =
          ends.keySet().stream()
              .mapToLong(p -> committed.get(p) == null ? 0 : committed.get(p).offset())
              .sum();
      if (done >= total) {
        return System.nanoTime();
      }
      if (System.nanoTime() - lastReport > 5_000_000_000L) {
        Progress.say("  %s: %,d of %,d records committed", group, done, total);
        lastReport = System.nanoTime();
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new TimeoutException(group + " did not consume its input within " + timeout);
  }

  /**
   * Returns when every partition {@code group} consumes (its repartition topics too) is caught up.
   * A lag of one counts as caught up: Streams commits the offset after its last record, and under
   * exactly-once a transaction marker follows that record.
   */
  public static void awaitCaughtUp(Admin admin, String group, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> ends =
          admin
              .listOffsets(
                  committed.keySet().stream()
                      .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get()
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      long behind =
          committed.entrySet().stream()
              .filter(e -> ends.get(e.getKey()) - e.getValue().offset() > 1)
              .count();
      if (behind == 0) {
        return;
      }
      Thread.sleep(POLL.toMillis() * 4);
    }
    throw new TimeoutException(group + " did not catch up within " + timeout);
  }
}
