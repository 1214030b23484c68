package io.sealtrail.anomaly.topology;

import io.sealtrail.platform.kafka.KafkaOverrides;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the anomaly service is configured with, read once from flat keys (see the README for
 * each key and its default), and the Kafka Streams properties it implies.
 */
public record AnomalyConfig(
    String applicationId,
    String bootstrapServers,
    String schemaRegistryUrl,
    String stateDir,
    int standbyReplicas,
    TopicNames topics,
    AnomalyRules rules,
    Map<String, String> kafkaOverrides) {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  public AnomalyConfig {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(stateDir, "stateDir");
    if (standbyReplicas < 0) {
      throw new IllegalArgumentException("standby replicas must be >= 0, got " + standbyReplicas);
    }
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(rules, "rules");
    kafkaOverrides = Map.copyOf(kafkaOverrides);
  }

  /** The configuration in {@code flat}, each key falling back to its documented default. */
  public static AnomalyConfig from(Map<String, String> flat) {
    return new AnomalyConfig(
        flat.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, "sealtrail-anomaly"),
        flat.getOrDefault(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
        flat.getOrDefault(SCHEMA_REGISTRY_URL, "http://localhost:8081"),
        flat.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/sealtrail/anomaly-service"),
        Integer.parseInt(flat.getOrDefault(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")),
        TopicNames.from(flat),
        AnomalyRules.from(flat),
        KafkaOverrides.of(flat));
  }

  /** The serde settings: the registry the Avro topics and stores share. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
  }

  /** The Kafka Streams properties, each production-critical one set explicitly. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    // Client settings such as security come first; the settings below are not negotiable.
    p.putAll(kafkaOverrides);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    // An alert store update and the alert it publishes are committed together or not at all.
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // A warm copy of the alert store elsewhere keeps fail-over short.
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    // Generated names shift when the topology changes and silently orphan state.
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return p;
  }
}
