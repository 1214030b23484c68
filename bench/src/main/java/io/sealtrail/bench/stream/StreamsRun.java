package io.sealtrail.bench.stream;

import io.sealtrail.bench.kafka.ConsumedWatch;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Runs a topology over a preloaded input until its application has committed every input record,
 * and reports input records per second from the moment it was RUNNING: start-up is not counted.
 */
public final class StreamsRun {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private StreamsRun() {}

  public static double recordsPerSecond(
      Admin admin, Topology topology, Properties properties, String inputTopic) throws Exception {
    Map<TopicPartition, Long> ends = ConsumedWatch.endOffsets(admin, inputTopic);
    long records = ends.values().stream().mapToLong(Long::longValue).sum();
    try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
      long running = startAndAwaitRunning(streams);
      String group = properties.getProperty("application.id");
      long done = ConsumedWatch.awaitCommitted(admin, group, ends, TIMEOUT);
      return records / ((done - running) / 1e9);
    }
  }

  /** Starts {@code streams} and returns the nanoTime at which it reached RUNNING. */
  public static long startAndAwaitRunning(KafkaStreams streams)
      throws InterruptedException, TimeoutException {
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          e.printStackTrace();
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    if (!running.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new TimeoutException("streams not RUNNING within " + TIMEOUT + ": " + streams.state());
    }
    return System.nanoTime();
  }
}
