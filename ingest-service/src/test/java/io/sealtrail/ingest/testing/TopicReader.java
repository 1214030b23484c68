package io.sealtrail.ingest.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic up to its current end: with read_committed, everything committed before the
 * call, and no aborted record; with read_uncommitted, every record written.
 */
public final class TopicReader {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private TopicReader() {}

  public static List<ConsumerRecord<String, byte[]>> committed(String bootstrap, String topic) {
    return read(bootstrap, topic, "read_committed");
  }

  public static List<ConsumerRecord<String, byte[]>> uncommitted(String bootstrap, String topic) {
    return read(bootstrap, topic, "read_uncommitted");
  }

  /** The topic's partitions, waiting while a just-created topic's metadata propagates. */
  private static List<TopicPartition> partitions(
      KafkaConsumer<String, byte[]> consumer, String topic) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("topic " + topic + " has no partitions");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(
      String bootstrap, String topic, String isolation) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(topic + " not read to its end within " + TIMEOUT);
        }
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      return records;
    }
  }
}
