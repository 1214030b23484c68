package io.sealtrail.anomaly;

import static io.sealtrail.platform.env.EnvSetting.optional;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.notify.WebhookConfig;
import io.sealtrail.anomaly.stale.StaleRules;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.env.FlatValues;
import io.sealtrail.platform.http.HttpSettings;
import io.sealtrail.platform.kafka.StreamsBaseSettings;
import io.sealtrail.platform.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/**
 * Everything the anomaly service runs with, read once from flat keys; the module README's
 * configuration table lists each key with its default. Unset keys take these defaults: application
 * id {@code sealtrail-anomaly}, {@code localhost:9092}, registry {@code http://localhost:8081},
 * state under {@code /var/lib/sealtrail/anomaly-service}, one standby, dead letters to {@value
 * #DEFAULT_DEAD_LETTER_TOPIC}, the contract's topic names ({@link AnomalyTopics}), the detection
 * defaults of {@link AnomalyRules}, the API on port {@value #DEFAULT_HTTP_PORT} ({@link
 * HttpSettings} for the rest) and no webhook.
 *
 * @param streams the Kafka Streams settings: an input record that cannot be read (not Avro, or a
 *     tombstone) goes to the dead-letter topic and processing goes on; any other processing error
 *     stops the instance, since it may be transient or a bug, and a skipped record would be lost
 * @param topicNames the {@code sealtrail.topics.<id>} keys that rename topics ({@link #TOPIC_IDS});
 *     {@link AnomalyTopics} applies them
 * @param webhook where alerts are posted; empty without {@code sealtrail.anomaly.webhook.url}
 */
public record AnomalyConfig(
    StreamsBaseSettings streams,
    String schemaRegistryUrl,
    Map<String, String> topicNames,
    AnomalyRules rules,
    HttpSettings http,
    Optional<WebhookConfig> webhook) {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "custody.anomaly.dlq";
  public static final int DEFAULT_HTTP_PORT = 8083;

  /** The ids of the topics a deployment may rename: {@code sealtrail.topics.<id>}. */
  public static final List<String> TOPIC_IDS =
      List.of("violations", "events", "rejected", "alerts", "alert-commands", AuditActionsTopic.ID);

  private static final List<String> SPIKE_KEYS =
      List.of(
          "window",
          "grace",
          "alpha",
          "multiplier",
          "min-count",
          "floor",
          "series-windows",
          "dimensions",
          "settle",
          "wall-settle");

  private static final StreamsBaseSettings DEFAULT_STREAMS =
      new StreamsBaseSettings(
          "sealtrail-anomaly",
          "localhost:9092",
          "/var/lib/sealtrail/anomaly-service",
          1,
          DEFAULT_DEAD_LETTER_TOPIC,
          LogAndFailProcessingExceptionHandler.class,
          Map.of());

  /**
   * Every variable the anomaly service reads (the README lists them), besides the {@code
   * KAFKA_CLIENT_*} settings.
   */
  public static final EnvConfig ENVIRONMENT = new EnvConfig(variables());

  public AnomalyConfig {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    topicNames = Map.copyOf(topicNames);
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(webhook, "webhook");
  }

  private static List<EnvSetting> variables() {
    // Unlike custody-stream's, its Kafka and registry addresses default to localhost.
    List<EnvSetting> all =
        new ArrayList<>(
            List.of(
                optional(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), optional(SCHEMA_REGISTRY_URL)));
    all.addAll(StreamsBaseSettings.ENVIRONMENT);
    TOPIC_IDS.forEach(id -> all.add(optional(Topic.CONFIG_PREFIX + id)));
    all.addAll(HttpSettings.ENVIRONMENT);
    // Other instances forward spike chart reads to it.
    all.add(HttpSettings.ADVERTISED_HOST);
    for (String key :
        List.of("url", "secret", "send", "max-attempts", "backoff", "max-backoff", "timeout")) {
      all.add(optional(WebhookConfig.PREFIX + key));
    }
    // The detection rules (they came from a properties file before; per-product stale intervals,
    // sealtrail.anomaly.stale.interval.<product>, have no fixed name and are not read from here).
    for (String key :
        List.of(
            AlertRules.MAX_EVIDENCE_KEY,
            AlertRules.ESCALATE_AFTER_KEY,
            AlertRules.ESCALATION_CHECK_KEY,
            AlertRules.RESOLVED_RETENTION_KEY)) {
      all.add(optional(key));
    }
    all.add(optional(AnomalyRules.INCIDENT_PARTITIONS_KEY));
    for (String prefix :
        List.of(
            AnomalyRules.ATTESTATION_SPIKE_PREFIX,
            AnomalyRules.REJECTION_SPIKE_PREFIX,
            AnomalyRules.FLASH_SPIKE_PREFIX)) {
      for (String key : SPIKE_KEYS) {
        all.add(optional(prefix + key));
      }
    }
    all.add(optional(StaleRules.PREFIX + "default-interval"));
    all.add(optional(StaleRules.PREFIX + "check-every"));
    return all;
  }

  /**
   * The configuration of a container: {@link #ENVIRONMENT}, the advertised host defaulting to
   * {@code HOSTNAME}, the name other instances reach a pod or container by.
   */
  public static AnomalyConfig fromEnvironment(Map<String, String> env) {
    return from(HttpSettings.advertisingHostname(env, ENVIRONMENT.read(env)));
  }

  /**
   * The configuration in {@code flat}, each key falling back to its documented default; every key
   * neither Sealtrail's nor the registry's is a Kafka client setting.
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static AnomalyConfig from(Map<String, String> flat) {
    return new AnomalyConfig(
        StreamsBaseSettings.from(flat, DEFAULT_STREAMS),
        FlatValues.text(flat, SCHEMA_REGISTRY_URL, "http://localhost:8081"),
        flat.entrySet().stream()
            .filter(e -> e.getKey().startsWith(Topic.CONFIG_PREFIX))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        AnomalyRules.from(flat),
        HttpSettings.from(flat, DEFAULT_HTTP_PORT),
        WebhookConfig.from(flat));
  }

  /** The serde settings: the registry the Avro topics and stores share. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
  }
}
