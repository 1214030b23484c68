package io.sealtrail.platform.loop;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reading a whole topic without a consumer group, as every node's directories do (partners, users):
 * every partition from the beginning, and whether the records present at the start have all been
 * read.
 */
public final class WholeTopic {
  private WholeTopic() {}

  /**
   * Assigns every partition of {@code topic} from its beginning and returns the end offsets at this
   * moment: reading up to them is being caught up.
   *
   * @throws UnknownTopicOrPartitionException while the topic is not (yet) in the client's metadata,
   *     e.g. a moment after it was created: a Kafka error to retry
   */
  public static Map<TopicPartition, Long> assignFromBeginning(
      Consumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new UnknownTopicOrPartitionException("topic " + topic + " has no partitions yet");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer.endOffsets(partitions);
  }

  /** Whether {@code consumer} has read past every offset of {@code end}. */
  public static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
