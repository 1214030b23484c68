package io.sealtrail.registry.server;

import io.sealtrail.platform.loop.PollingLoop;
import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.LogCodec;
import io.sealtrail.registry.core.LogRecord;
import io.sealtrail.registry.core.LogState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop ({@link PollingLoop}, a thread of its own) that reads the registry topic from the
 * beginning and applies every record in offset order; writers wait on it until their offset has
 * been applied (read-your-writes). Its {@link #state()} is the registry's readiness.
 */
final class LogReader {
  private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final TopicPartition partition;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final Consumer<LogRecord> apply;
  private final PollingLoop loop;
  private final Object progress = new Object();
  private long appliedUpTo;
  private long backoff = MIN_BACKOFF.toMillis();

  LogReader(String bootstrapServers, TopicPartition partition, Consumer<LogRecord> apply) {
    this(
        new KafkaConsumer<>(
            config(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        partition,
        apply);
  }

  LogReader(
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
      TopicPartition partition,
      Consumer<LogRecord> apply) {
    this.partition = partition;
    this.apply = apply;
    this.consumer = consumer;
    this.loop =
        new PollingLoop(
            "schema-registry-reader-" + partition.topic(),
            this::readOnce,
            consumer::wakeup,
            () -> consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))));
    // Writers waiting for their offset learn at once that it will never come.
    loop.stopped()
        .whenComplete(
            (ended, failure) -> {
              synchronized (progress) {
                progress.notifyAll();
              }
            });
  }

  /** Starts reading from the beginning and answers the offset the topic ended at. */
  long start(Duration timeout) {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
    loop.start();
    return end;
  }

  void awaitApplied(long offset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (appliedUpTo < offset) {
        loop.failure()
            .ifPresent(
                failed -> {
                  throw Errors.storeError("the reader of " + partition.topic() + " failed", failed);
                });
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw Errors.storeTimeout(
              "offset " + offset + " of " + partition.topic() + " not read back within " + timeout);
        }
        try {
          progress.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Errors.storeError("interrupted while reading back " + partition.topic(), e);
        }
      }
    }
  }

  /**
   * Running, or stopped with the cause: it failed (a non-retriable consumer error, a closed
   * consumer, an error applying a record: the loop's {@link PollingLoop#stopped()} completed
   * exceptionally) or {@link #stop} was called.
   */
  LogState state() {
    if (!loop.stopped().isDone()) {
      return LogState.FOLLOWING;
    }
    return loop.failure()
        .map(
            failed ->
                LogState.stopped(
                    "the reader of topic " + partition.topic() + " stopped: " + describe(failed)))
        .orElseGet(
            () -> LogState.stopped("the reader of topic " + partition.topic() + " was closed"));
  }

  private static String describe(Throwable failure) {
    if (failure instanceof Error) {
      // A record exhausting the stack, a linkage error: its kind says more than its message.
      String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
      return Errors.withoutInternals(failure.getClass().getSimpleName() + detail);
    }
    Throwable cause = failure;
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return Errors.withoutInternals(text.toString());
  }

  /** Stops reading; waits for the loop to end (up to {@link PollingLoop}'s join time). */
  void stop() {
    loop.close();
  }

  // One round: a broker outage or leader change is waited out, never a reason to stop for good.
  private void readOnce() throws InterruptedException {
    try {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        applyOne(record);
      }
      long position = consumer.position(partition);
      synchronized (progress) {
        appliedUpTo = position;
        progress.notifyAll();
      }
      backoff = MIN_BACKOFF.toMillis();
    } catch (RetriableException e) {
      LOG.warn("Reading {} failed, retrying in {} ms: {}", partition, backoff, e.toString());
      Thread.sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
    }
  }

  private void applyOne(ConsumerRecord<byte[], byte[]> record) {
    try {
      LogCodec.decode(record.key(), record.value()).ifPresent(apply);
    } catch (RuntimeException e) {
      // Like Confluent's store: one unreadable record is reported and skipped, not fatal to all.
      LOG.error("Skipping unreadable record at offset {} of {}", record.offset(), partition, e);
    }
  }

  static Map<String, Object> config(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        // Should the start offset ever be invalid (truncation), re-read everything, never skip.
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        // Skips aborted transactional records, should anyone ever mirror the topic with them.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed");
  }
}
