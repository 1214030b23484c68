package io.sealtrail.ingest.topics;

import java.time.Duration;
import java.util.HashMap;
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
    String minIsr = Integer.toString(Math.max(1, topics.replicationFactor() - 1));
    Map<String, String> durable = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr);
    return List.of(
        // The broker stamps receipt time: a Kafka partner cannot forge receivedAt.
        topic(
            topics,
            topics.inbound(),
            with(durable, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")),
        topic(topics, topics.submissions(), durable),
        // The source of truth: accepted events are kept for ever.
        topic(topics, topics.events(), with(durable, TopicConfig.RETENTION_MS_CONFIG, "-1")),
        topic(topics, topics.rejected(), durable),
        // One entry per event id, forgotten after the dedup window.
        topic(
            topics,
            topics.dedup(),
            with(
                with(durable, TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete"),
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(dedupWindow.toMillis()))),
        // Replies matter only while a caller waits.
        topic(
            topics,
            topics.replies(),
            Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(REPLY_RETENTION.toMillis()))),
        new NewTopic(topics.partners(), 1, topics.replicationFactor())
            .configs(
                with(
                    durable,
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT)));
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

  private static NewTopic topic(IngestTopics topics, String name, Map<String, String> configs) {
    return new NewTopic(name, topics.partitions(), topics.replicationFactor()).configs(configs);
  }

  private static Map<String, String> with(Map<String, String> configs, String key, String value) {
    Map<String, String> more = new HashMap<>(configs);
    more.put(key, value);
    return more;
  }
}
