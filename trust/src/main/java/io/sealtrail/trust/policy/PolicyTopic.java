package io.sealtrail.trust.policy;

import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic of the runtime policy ({@code custody.policy}): each accepted version as its canonical
 * JSON ({@link PolicyJson#write}), key {@value KafkaPolicy#KEY}; compacted to the latest, one
 * partition, read whole by every ingest instance and as a global store by custody-stream.
 */
public final class PolicyTopic {
  /** The topic id: {@code sealtrail.topics.policy} renames it. */
  public static final String ID = "policy";

  public static final String DEFAULT_NAME = "custody.policy";

  private PolicyTopic() {}

  /** The topic as {@code config} names it. */
  public static Topic<byte[]> from(Map<String, String> config) {
    return named(Topic.configuredName(config, ID, DEFAULT_NAME));
  }

  /** The topic under {@code name}, e.g. one test's prefixed copy. */
  public static Topic<byte[]> named(String name) {
    return new Topic<>(name, Serdes.ByteArray(), TopicSettings.latestPerKey().withPartitions(1));
  }
}
