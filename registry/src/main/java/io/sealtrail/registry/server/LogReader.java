package io.sealtrail.registry.server;

import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.LogCodec;
import io.sealtrail.registry.core.LogRecord;
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

  private final TopicPartition partition;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<LogRecord> apply;
  private final Thread thread;
  private final Object progress = new Object();
  private long appliedUpTo;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  LogReader(String bootstrapServers, TopicPartition partition, Consumer<LogRecord> apply) {
    this.partition = partition;
    this.apply = apply;
    this.consumer =
        new KafkaConsumer<>(
            config(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer());
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

  void stop(Duration timeout) {
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
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          applyOne(record);
        }
        synchronized (progress) {
          appliedUpTo = consumer.position(partition);
          progress.notifyAll();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        fail(new IllegalStateException("reader woken up while running", e));
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
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

  private static Map<String, Object> config(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        // Skips aborted transactional records, should anyone ever mirror the topic with them.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed");
  }
}
