package io.sealtrail.platform.auth;

import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic of named identities ({@code custody.users}, {@link UserJson} keyed by name): compacted
 * to the latest record per user, one partition, read whole by every node of every service.
 */
public final class UsersTopic {
  /** The topic id: {@code sealtrail.topics.users} renames it. */
  public static final String ID = "users";

  public static final String DEFAULT_NAME = "custody.users";

  private UsersTopic() {}

  /** The topic as {@code config} names it. */
  public static Topic<byte[]> from(Map<String, String> config) {
    return named(Topic.configuredName(config, ID, DEFAULT_NAME));
  }

  /** The topic under {@code name}, e.g. one test's prefixed copy. */
  public static Topic<byte[]> named(String name) {
    return new Topic<>(name, Serdes.ByteArray(), TopicSettings.latestPerKey().withPartitions(1));
  }
}
