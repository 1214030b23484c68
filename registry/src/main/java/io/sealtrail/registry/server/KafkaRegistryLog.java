package io.sealtrail.registry.server;

import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.LogCodec;
import io.sealtrail.registry.core.LogRecord;
import io.sealtrail.registry.core.LogState;
import io.sealtrail.registry.core.RegistryLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
  private final KafkaConsumer<byte[], byte[]> endOffsets;
  private final Duration timeout;

  private KafkaRegistryLog(
      String bootstrapServers,
      TopicPartition partition,
      Consumer<LogRecord> apply,
      Duration timeout) {
    this.partition = partition;
    this.timeout = timeout;
    this.reader = new LogReader(bootstrapServers, partition, apply);
    this.endOffsets =
        new KafkaConsumer<>(
            LogReader.config(bootstrapServers),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
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
    } catch (RecordTooLargeException e) {
      throw Errors.schemaTooLarge(e.getMessage());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RecordTooLargeException) {
        throw Errors.schemaTooLarge(e.getCause().getMessage());
      }
      throw Errors.storeError("could not write to " + partition.topic() + ": " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw Errors.storeError("could not write to " + partition.topic() + ": " + e.getMessage(), e);
    }
    reader.awaitApplied(last + 1, timeout);
  }

  /**
   * Confluent's {@code waitUntilKafkaReaderReachesLastOffset}: flushes what an earlier, timed-out
   * append may still be sending, then waits until the reader has applied the topic up to its end.
   */
  @Override
  public void catchUp() {
    try {
      producer.flush();
      long end;
      synchronized (endOffsets) {
        end = endOffsets.endOffsets(List.of(partition), timeout).get(partition);
      }
      reader.awaitApplied(end, timeout);
    } catch (InterruptException e) {
      throw Errors.storeTimeout("interrupted while catching up with " + partition.topic());
    } catch (KafkaException e) {
      throw Errors.storeTimeout(
          "could not read the end of " + partition.topic() + ": " + e.getMessage());
    }
  }

  @Override
  public LogState state() {
    return reader.state();
  }

  @Override
  public void close() {
    reader.stop();
    endOffsets.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    producer.close(Duration.ofSeconds(5));
  }

  private Map<String, Object> producerConfig(String bootstrapServers) {
    // An append must end, failed or not, before the writer gives up on it: a record still retried
    // after the lock is released could land after the next writer chose the same id.
    int delivery = (int) (timeout.toMillis() * 2 / 3);
    return Map.of(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        delivery,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        delivery / 2,
        ProducerConfig.MAX_BLOCK_MS_CONFIG,
        delivery / 2,
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
