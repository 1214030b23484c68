package io.sealtrail.custody.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic custody-stream reads or writes that is not its own internal topic (changelogs and
 * repartition topics, which Kafka Streams creates), with what it takes to create it. Local mode and
 * deployments create topics from this list; it is public and stable.
 */
public final class CustodyTopics {
  /** Partitions of the topics keyed by serial, as local mode creates them. */
  public static final int DEFAULT_PARTITIONS = 3;

  /** How long violations and dead letters are kept for consumers and forensics. */
  public static final Duration FORENSIC_RETENTION = Duration.ofDays(30);

  /**
   * One topic: its name, partitions, whether it is compacted, and how long records are kept (empty:
   * forever, as for the events, which are the source of truth, and for compacted topics).
   */
  public record Spec(String name, int partitions, boolean compacted, Optional<Duration> retention) {
    public Spec {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(retention, "retention");
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be positive, got " + partitions);
      }
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

  private CustodyTopics() {}

  /** The topics under their default names, keyed topics with {@value #DEFAULT_PARTITIONS}. */
  public static List<Spec> all() {
    return of(CustodyStreamConfig.from(Map.of()), DEFAULT_PARTITIONS);
  }

  /**
   * The topics under the names {@code config} gives; {@code partitions} for those keyed by serial,
   * which must match how ingest's {@code custody.events} is partitioned.
   */
  public static List<Spec> of(CustodyStreamConfig config, int partitions) {
    TopicNames names = config.topics();
    Optional<Duration> forever = Optional.empty();
    return List.of(
        new Spec(names.events(), partitions, false, forever),
        new Spec(names.state(), partitions, true, forever),
        new Spec(names.violations(), partitions, false, Optional.of(FORENSIC_RETENTION)),
        // Read whole by every instance as a global table: one partition keeps it in order.
        new Spec(names.releases(), 1, true, forever),
        new Spec(config.deadLetterTopic(), 1, false, Optional.of(FORENSIC_RETENTION)));
  }
}
