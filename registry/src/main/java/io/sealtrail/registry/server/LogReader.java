package io.sealtrail.registry.server;

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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that reads the registry topic from the beginning and applies every record in offset
 * order; writers wait on it until their offset has been applied (read-your-writes).
 */
final class LogReader {
  private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final TopicPartition partition;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final Consumer<LogRecord> apply;
  private final Thread thread;
  private final Object progress = new Object();
  private long appliedUpTo;
  private volatile boolean running = true;
  private volatile RuntimeException failure;
  private volatile boolean stopped;

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
    this.thread = new Thread(this::readLoop, "schema-registry-reader-" + partition.topic());
    thread.setDaemon(true);
  }

  /** Starts reading from the beginning and answers the offset the topic ended at. */
  long start(Duration timeout) {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
    thread.start();
    return end;
  }

  void awaitApplied(long offset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (appliedUpTo < offset) {
        if (failure != null) {
          throw Errors.storeError("the reader of " + partition.topic() + " failed", failure);
        }
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
   * consumer, an error applying a record), its thread ended, or {@link #stop} was called.
   */
  LogState state() {
    RuntimeException failed = failure;
    if (failed != null) {
      return LogState.stopped(
          "the reader of topic " + partition.topic() + " stopped: " + describe(failed));
    }
    if (stopped) {
      return LogState.stopped("the reader of topic " + partition.topic() + " was closed");
    }
    if (!thread.isAlive() && thread.getState() != Thread.State.NEW) {
      return LogState.stopped("the reader of topic " + partition.topic() + " ended");
    }
    return LogState.FOLLOWING;
  }

  private static String describe(Throwable failure) {
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

  void stop(Duration timeout) {
    stopped = true;
    running = false;
    consumer.wakeup();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readLoop() {
    try {
      long backoff = 100;
      while (running) {
        try {
          readOnce();
          backoff = 100;
        } catch (RetriableException e) {
          // A broker outage or leader change: keep reading once it is over, never stop for good.
          LOG.warn("Reading {} failed, retrying in {} ms: {}", partition, backoff, e.toString());
          Thread.sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
      }
    } catch (WakeupException e) {
      if (running) {
        fail(new IllegalStateException("reader woken up while running", e));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(new IllegalStateException("reader interrupted", e));
    } catch (RuntimeException e) {
      fail(e);
    } catch (Error e) {
      // Even an error (a record exhausting the stack, a linkage error) must not end it silently.
      String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
      fail(new IllegalStateException(e.getClass().getSimpleName() + detail, e));
      throw e;
    } finally {
      try {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      } catch (RuntimeException e) {
        LOG.warn("Closing the consumer of {} failed: {}", partition, e.toString());
      }
    }
  }

  private void readOnce() {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      applyOne(record);
    }
    long position = consumer.position(partition);
    synchronized (progress) {
      appliedUpTo = position;
      progress.notifyAll();
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

  private void fail(RuntimeException e) {
    LOG.error("Schema registry reader of {} stopped", partition, e);
    synchronized (progress) {
      failure = e;
      progress.notifyAll();
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
