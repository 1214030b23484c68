package io.sealtrail.testing;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag as {@code kafka-consumer-groups --describe} computes it: per partition,
 * log end offset minus the committed offset. It covers every partition of every topic the group has
 * committed on or its members are assigned (0 committed where nothing is), so a transaction marker
 * left behind the committed offset shows as lag 1.
 */
public final class GroupLag {
  private GroupLag() {}

  /** The lag of {@code group} on every partition it reads, ordered by partition name. */
  public static Map<TopicPartition, Long> of(Admin admin, String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
      Set<String> topics = new HashSet<>();
      committed.keySet().forEach(p -> topics.add(p.topic()));
      admin
          .describeConsumerGroups(List.of(group))
          .describedGroups()
          .get(group)
          .get(30, TimeUnit.SECONDS)
          .members()
          .forEach(m -> m.assignment().topicPartitions().forEach(p -> topics.add(p.topic())));
      return lagOn(admin, committed, topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("lag of group " + group, e);
    }
  }

  /**
   * The lag of {@code group} on every partition of {@code topic}, by partition number, whether the
   * group has committed there or not (0 committed where nothing is).
   */
  public static Map<Integer, Long> onTopic(Admin admin, String group, String topic) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
      Map<Integer, Long> byPartition = new TreeMap<>();
      lagOn(admin, committed, Set.of(topic))
          .forEach((partition, l) -> byPartition.put(partition.partition(), l));
      return byPartition;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("lag of group " + group + " on " + topic, e);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
      throws InterruptedException, ExecutionException, TimeoutException {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS);
  }

  /** Log end offset minus {@code committed} on every partition of {@code topics}. */
  private static Map<TopicPartition, Long> lagOn(
      Admin admin, Map<TopicPartition, OffsetAndMetadata> committed, Set<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, Long> lag = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
    if (topics.isEmpty()) {
      return lag;
    }
    Map<TopicPartition, OffsetSpec> partitions =
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
    admin
        .listOffsets(partitions)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (partition, end) -> {
              OffsetAndMetadata done = committed.get(partition);
              lag.put(partition, end.offset() - (done == null ? 0 : done.offset()));
            });
    return lag;
  }

  /** The partitions of {@code lag} that are not at 0, with their lag. */
  public static Map<String, Long> behind(Map<TopicPartition, Long> lag) {
    Map<String, Long> behind = new TreeMap<>();
    lag.forEach(
        (partition, l) -> {
          if (l != 0) {
            behind.put(partition.toString(), l);
          }
        });
    return behind;
  }
}
