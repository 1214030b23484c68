package io.sealtrail.registry.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the registry topic when missing (1 partition, compacted, replication min(3, brokers)) and
 * refuses one that would lose schemas: more partitions, or not compacted (pitfall P11).
 */
final class SchemasTopic {
  private SchemasTopic() {}

  static void ensure(Admin admin, String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long millis = timeout.toMillis();
    boolean exists = admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS).contains(topic);
    // A topic created here has the right layout; describing it at once could race its metadata.
    if (exists || !create(admin, topic, millis)) {
      validate(admin, topic, millis);
    }
  }

  private static void validate(Admin admin, String topic, long millis)
      throws InterruptedException, ExecutionException, TimeoutException {
    TopicDescription description =
        admin
            .describeTopics(Set.of(topic))
            .allTopicNames()
            .get(millis, TimeUnit.MILLISECONDS)
            .get(topic);
    if (description.partitions().size() != 1) {
      throw new IllegalStateException(
          "Schema topic "
              + topic
              + " must have exactly 1 partition, it has "
              + description.partitions().size());
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        admin
            .describeConfigs(Set.of(resource))
            .all()
            .get(millis, TimeUnit.MILLISECONDS)
            .get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
        || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
      throw new IllegalStateException(
          "Schema topic "
              + topic
              + " must have cleanup.policy=compact, it has "
              + policy
              + ": retention would lose schemas");
    }
  }

  /** Creates the topic; false when someone else created it first. */
  private static boolean create(Admin admin, String topic, long millis)
      throws InterruptedException, ExecutionException, TimeoutException {
    int brokers = admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).size();
    NewTopic newTopic =
        new NewTopic(topic, 1, (short) Math.min(3, brokers))
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(newTopic)).all().get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
      return false;
    }
  }
}
