package io.sealtrail.bench.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads whole topics from the beginning to their current end with a plain read_committed consumer:
 * the raw-consumer baseline, and the way fixtures are copied.
 */
public final class TopicReader {
  private TopicReader() {}

  /** What a read saw. */
  public record Read(long records, long bytes, double seconds) {
    public double recordsPerSecond() {
      return records / seconds;
    }
  }

  public static Read readAll(
      String bootstrapServers,
      Collection<String> topics,
      Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> each)
      throws TimeoutException {
    try (KafkaConsumer<byte[], byte[]> consumer = Clients.committedReader(bootstrapServers)) {
      List<TopicPartition> partitions =
          topics.stream()
              .flatMap(t -> consumer.partitionsFor(t).stream())
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long records = 0;
      long bytes = 0;
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      while (!reachedEnd(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("reading " + topics + " took longer than " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          records++;
          bytes +=
              Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
          each.accept(record);
        }
      }
      return new Read(records, bytes, (System.nanoTime() - start) / 1e9);
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
