package io.sealtrail.ingest.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the ingest topics with the configuration correctness depends on, and leaves existing ones
 * alone; safe to run from every instance at every start. {@link TopicCheck} then verifies what it
 * could not create.
 */
public final class TopicSetup {
  private static final Duration REPLY_RETENTION = Duration.ofHours(1);

  private TopicSetup() {}

  /** The topics, each with its configuration and the reason for it. */
  static List<NewTopic> define(IngestTopics topics, Duration dedupWindow) {
    int partitions = topics.partitions();
    short rf = topics.replicationFactor();
    String minIsr = Integer.toString(Math.max(1, rf - 1));
    return List.of(
        // The broker stamps receipt time: a Kafka partner cannot forge receivedAt.
        topic(
            topics.inbound(),
            partitions,
            rf,
            Map.of(
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                "LogAppendTime",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                minIsr)),
        topic(
            topics.submissions(),
            partitions,
            rf,
            Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)),
        // The source of truth: accepted events are kept for ever.
        topic(
            topics.events(),
            partitions,
            rf,
            Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                "-1",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                minIsr)),
        topic(
            topics.rejected(),
            partitions,
            rf,
            Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)),
        // Latest entry per event id, forgotten after the dedup window.
        topic(
            topics.dedup(),
            partitions,
            rf,
            Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                "compact,delete",
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(dedupWindow.toMillis()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                minIsr)),
        // Replies matter only while a caller waits.
        topic(
            topics.replies(),
            partitions,
            rf,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(REPLY_RETENTION.toMillis()))),
        topic(
            topics.partners(),
            1,
            rf,
            Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                minIsr)));
  }

  /** Creates the missing topics, then checks the existing ones. */
  public static void ensure(Admin admin, IngestTopics topics, Duration dedupWindow)
      throws InterruptedException {
    for (NewTopic topic : define(topics, dedupWindow)) {
      create(admin, topic);
    }
    TopicCheck.verify(admin, topics);
  }

  private static void create(Admin admin, NewTopic topic) throws InterruptedException {
    try {
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
      }
    }
  }

  private static NewTopic topic(
      String name, int partitions, short rf, Map<String, String> configs) {
    return new NewTopic(name, partitions, rf).configs(configs);
  }
}
