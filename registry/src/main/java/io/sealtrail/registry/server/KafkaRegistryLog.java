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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The registry's state as a compacted Kafka topic in Confluent's {@code _schemas} format. A write
 * is produced first and returns once the {@link LogReader} has applied it, so every state change
 * goes through the topic (single writer).
 */
final class KafkaRegistryLog implements RegistryLog, AutoCloseable {
  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;
  private final LogReader reader;
  private final Duration timeout;

  private KafkaRegistryLog(
      String bootstrapServers,
      TopicPartition partition,
      Consumer<LogRecord> apply,
      Duration timeout) {
    this.partition = partition;
    this.timeout = timeout;
    this.reader = new LogReader(bootstrapServers, partition, apply);
    this.producer =
        new KafkaProducer<>(
            producerConfig(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Opens the log and returns once every record already in the topic has been applied. */
  static KafkaRegistryLog open(
      String bootstrapServers, String topic, Consumer<LogRecord> apply, Duration timeout) {
    KafkaRegistryLog log =
        new KafkaRegistryLog(bootstrapServers, new TopicPartition(topic, 0), apply, timeout);
    try {
      log.reader.awaitApplied(log.reader.start(timeout), timeout);
      return log;
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
  }

  @Override
  public void append(List<LogRecord> records) {
    long last = -1;
    try {
      for (LogRecord record : records) {
        LogCodec.Encoded encoded = LogCodec.encode(record);
        ProducerRecord<byte[], byte[]> message =
            new ProducerRecord<>(
                partition.topic(), partition.partition(), encoded.key(), encoded.value());
        last = producer.send(message).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.storeError("interrupted while writing to " + partition.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw Errors.storeError("could not write to " + partition.topic() + ": " + e.getMessage(), e);
    }
    reader.awaitApplied(last + 1, timeout);
  }

  @Override
  public void close() {
    reader.stop(timeout);
    producer.close(Duration.ofSeconds(5));
  }

  private static Map<String, Object> producerConfig(String bootstrapServers) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ProducerConfig.ACKS_CONFIG,
        "all", // a schema id handed out must survive a broker loss
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true, // retries must not duplicate or reorder
        ProducerConfig.LINGER_MS_CONFIG,
        0); // a writer waits for each record: do not batch
  }
}
