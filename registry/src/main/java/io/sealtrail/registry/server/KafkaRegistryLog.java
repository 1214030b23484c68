package io.sealtrail.registry.server;

import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.LogCodec;
import io.sealtrail.registry.core.LogRecord;
import io.sealtrail.registry.core.RegistryLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state as a compacted Kafka topic in Confluent's {@code _schemas} format. A reader
 * thread applies every record in offset order; a write is produced first and returns once the
 * reader has applied it, so all state changes go through the log (single writer).
 */
final class KafkaRegistryLog implements RegistryLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryLog.class);

  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<LogRecord> apply;
  private final Duration timeout;
  private final Thread reader;
  private final Object progress = new Object();
  private long appliedUpTo;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  private KafkaRegistryLog(
      String bootstrapServers, String topic, Consumer<LogRecord> apply, Duration timeout) {
    this.partition = new TopicPartition(topic, 0);
    this.apply = apply;
    this.timeout = timeout;
    this.producer =
        new KafkaProducer<>(
            producerConfig(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
    this.consumer =
        new KafkaConsumer<>(
            consumerConfig(bootstrapServers),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.reader = new Thread(this::readLoop, "schema-registry-reader-" + topic);
  }

  /** Opens the log and returns once every record already in the topic has been applied. */
  static KafkaRegistryLog open(
      String bootstrapServers, String topic, Consumer<LogRecord> apply, Duration timeout) {
    KafkaRegistryLog log = new KafkaRegistryLog(bootstrapServers, topic, apply, timeout);
    log.consumer.assign(List.of(log.partition));
    log.consumer.seekToBeginning(List.of(log.partition));
    long end = log.consumer.endOffsets(List.of(log.partition), timeout).get(log.partition);
    log.reader.setDaemon(true);
    log.reader.start();
    try {
      log.awaitApplied(end);
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
    return log;
  }

  @Override
  public void append(List<LogRecord> records) {
    long last = -1;
    try {
      for (LogRecord record : records) {
        LogCodec.Encoded encoded = LogCodec.encode(record);
        ProducerRecord<byte[], byte[]> message =
            new ProducerRecord<>(partition.topic(), 0, encoded.key(), encoded.value());
        last = producer.send(message).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.storeError("interrupted while writing to " + partition.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw Errors.storeError("could not write to " + partition.topic() + ": " + e.getMessage(), e);
    }
    awaitApplied(last + 1);
  }

  private void awaitApplied(long offset) {
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

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }

  private static Map<String, Object> producerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ProducerConfig.ACKS_CONFIG,
        "all", // a schema id handed out must survive a broker loss
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.LINGER_MS_CONFIG,
        0);
  }

  private static Map<String, Object> consumerConfig(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest");
  }
}
