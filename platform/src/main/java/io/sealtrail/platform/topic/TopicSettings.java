package io.sealtrail.platform.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is created: its partition count, whether it is compacted, and how long records are
 * kept. Local mode, ingest's topic setup, the tests and {@code deploy/} all read these, so a
 * topic's settings are declared once, in its service's catalogue.
 *
 * @param partitions a fixed count (a topic read whole, in order, such as a global table's), or
 *     empty for a keyed topic, which gets the deployment's partition count
 * @param retention empty: kept forever (the events, the source of truth, and compacted topics)
 */
public record TopicSettings(
    OptionalInt partitions, boolean compacted, Optional<Duration> retention) {
  public TopicSettings {
    Objects.requireNonNull(partitions, "partitions");
    Objects.requireNonNull(retention, "retention");
    if (partitions.isPresent() && partitions.getAsInt() < 1) {
      throw new IllegalArgumentException("partitions must be positive, got " + partitions);
    }
  }

  /** Keyed, never deleted: the record of what happened. */
  public static TopicSettings forever() {
    return new TopicSettings(OptionalInt.empty(), false, Optional.empty());
  }

  /** Keyed and compacted: the latest value per key. */
  public static TopicSettings latestPerKey() {
    return new TopicSettings(OptionalInt.empty(), true, Optional.empty());
  }

  /** Keyed, records deleted after {@code retention}. */
  public static TopicSettings kept(Duration retention) {
    return new TopicSettings(OptionalInt.empty(), false, Optional.of(retention));
  }

  /** The same with exactly {@code count} partitions, whatever the deployment's count. */
  public TopicSettings withPartitions(int count) {
    return new TopicSettings(OptionalInt.of(count), compacted, retention);
  }

  /** The partitions to create: the fixed count, or {@code keyedPartitions}. */
  public int partitionsOr(int keyedPartitions) {
    return partitions.orElse(keyedPartitions);
  }

  /** The topic configs to create it with: {@code cleanup.policy} and {@code retention.ms}. */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
    configs.put(
        TopicConfig.RETENTION_MS_CONFIG,
        Long.toString(retention.map(Duration::toMillis).orElse(-1L)));
    return configs;
  }
}
