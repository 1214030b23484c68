package io.sealtrail.cli.query;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the whole audit topic straight from Kafka, as committed (read_committed), from its first
 * offset to the end it had when the read began, and hands each record on as it is read: the
 * verifier sees what the topic holds, not what a service says it holds. No consumer group: nothing
 * is committed, nothing left behind.
 */
final class AuditTopicReader {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private AuditTopicReader() {}

  /**
   * Reads {@code topic} whole into {@code sink}.
   *
   * @throws QueryFailure when Kafka cannot be read or the topic is not one chain
   */
  static void read(
      String bootstrap, String registry, String topic, Consumer<AuditChainCheck.Read> sink) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    try (var values = new SpecificAvroSerde<>(AuditRecord.class);
        var consumer =
            new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      values.configure(Map.of("schema.registry.url", registry), false);
      var partitions = consumer.partitionsFor(topic, TIMEOUT);
      if (partitions == null || partitions.isEmpty()) {
        throw new QueryFailure(
            "topic " + topic + " not found at " + bootstrap, QueryFailure.UNAVAILABLE);
      }
      if (partitions.size() != 1) {
        throw new QueryFailure(
            "topic " + topic + " has " + partitions.size() + " partitions: an audit chain has one",
            AuditCommand.BROKEN);
      }
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        var polled = consumer.poll(Duration.ofMillis(500));
        if (polled.isEmpty() && System.nanoTime() > deadline) {
          throw new QueryFailure(
              "read "
                  + topic
                  + " up to offset "
                  + consumer.position(partition)
                  + " of "
                  + end
                  + " within "
                  + TIMEOUT.toSeconds()
                  + " s",
              QueryFailure.UNAVAILABLE);
        }
        if (!polled.isEmpty()) {
          deadline = System.nanoTime() + TIMEOUT.toNanos();
        }
        polled.forEach(r -> sink.accept(decode(values.deserializer(), r)));
      }
    } catch (KafkaException e) {
      throw new QueryFailure(
          "cannot read " + topic + " at " + bootstrap + ": " + e.getMessage(),
          QueryFailure.UNAVAILABLE);
    }
  }

  private static AuditChainCheck.Read decode(
      Deserializer<AuditRecord> values, ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return new AuditChainCheck.Read(record.offset(), null, "no value: a tombstone");
    }
    try {
      return new AuditChainCheck.Read(
          record.offset(), values.deserialize(record.topic(), record.value()), null);
    } catch (RuntimeException e) {
      return new AuditChainCheck.Read(
          record.offset(), null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}
