package io.sealtrail.ingest;

import io.sealtrail.ingest.topics.IngestTopics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of one ingest instance.
 *
 * @param instanceId stable per instance (e.g. the pod name): it names the transactional ids, so a
 *     restarted instance fences its own zombie
 * @param groupPrefix prefix of the consumer groups of the verifier and the router
 * @param clockSkew how far in the future an event's occurredAt may lie (default 5 minutes)
 * @param maxEventAge how far in the past an event's occurredAt may lie (default 30 days)
 * @param dedupWindow how long an eventId is remembered (default 7 days); also the dedup topic's
 *     retention
 * @param kafkaTimeout how long a send or a state restore may wait for Kafka (default 10 s)
 * @param replyTimeout how long a caller waits for its outcome (default 30 s)
 * @param clientOverrides settings applied to every Kafka client, e.g. security
 */
public record IngestConfig(
    String bootstrapServers,
    String instanceId,
    String groupPrefix,
    IngestTopics topics,
    Duration clockSkew,
    Duration maxEventAge,
    Duration dedupWindow,
    Duration kafkaTimeout,
    Duration replyTimeout,
    Map<String, Object> clientOverrides) {

  public IngestConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(groupPrefix, "groupPrefix");
    Objects.requireNonNull(topics, "topics");
    requirePositive(clockSkew, "clockSkew");
    requirePositive(maxEventAge, "maxEventAge");
    requirePositive(dedupWindow, "dedupWindow");
    requirePositive(kafkaTimeout, "kafkaTimeout");
    requirePositive(replyTimeout, "replyTimeout");
    clientOverrides = Map.copyOf(clientOverrides);
  }

  /**
   * Reads {@code bootstrap.servers}, {@code sealtrail.ingest.*} (durations in ISO-8601, e.g. {@code
   * PT5M}) and {@code sealtrail.topics.*}; any other key is passed to every Kafka client.
   */
  public static IngestConfig fromConfig(Map<String, String> config) {
    Map<String, Object> overrides = new HashMap<>();
    config.forEach(
        (key, value) -> {
          if (!key.startsWith("sealtrail.") && !key.equals("bootstrap.servers")) {
            overrides.put(key, value);
          }
        });
    return new IngestConfig(
        required(config, "bootstrap.servers"),
        required(config, "sealtrail.ingest.instance-id"),
        config.getOrDefault("sealtrail.ingest.group-prefix", "sealtrail-ingest"),
        IngestTopics.fromConfig(config),
        duration(config, "sealtrail.ingest.clock-skew", "PT5M"),
        duration(config, "sealtrail.ingest.max-event-age", "P30D"),
        duration(config, "sealtrail.ingest.dedup-window", "P7D"),
        duration(config, "sealtrail.ingest.kafka-timeout", "PT10S"),
        duration(config, "sealtrail.ingest.reply-timeout", "PT30S"),
        overrides);
  }

  private static String required(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing configuration " + key);
    }
    return value;
  }

  private static Duration duration(Map<String, String> config, String key, String fallback) {
    return Duration.parse(config.getOrDefault(key, fallback));
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }
}
