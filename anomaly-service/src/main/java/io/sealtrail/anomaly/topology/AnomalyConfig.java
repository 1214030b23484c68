package io.sealtrail.anomaly.topology;

import io.sealtrail.platform.kafka.KafkaOverrides;
import io.sealtrail.platform.kafka.StreamsBaseSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

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
    String deadLetterTopic,
    TopicNames topics,
    AnomalyRules rules,
    Map<String, String> kafkaOverrides) {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "custody.anomaly.dlq";

  public AnomalyConfig {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(stateDir, "stateDir");
    if (standbyReplicas < 0) {
      throw new IllegalArgumentException("standby replicas must be >= 0, got " + standbyReplicas);
    }
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
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
        flat.getOrDefault(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEFAULT_DEAD_LETTER_TOPIC),
        TopicNames.from(flat),
        AnomalyRules.from(flat),
        KafkaOverrides.of(flat));
  }

  /** The serde settings: the registry the Avro topics and stores share. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
  }

  /**
   * The Kafka Streams properties, each production-critical one set explicitly ({@link
   * StreamsBaseSettings}): an input record that cannot be read (not Avro, or a tombstone) goes to
   * the dead-letter topic and processing goes on; any other processing error stops the instance,
   * since it may be transient or a bug, and a skipped record would be lost.
   */
  public Properties streamsProperties() {
    return new StreamsBaseSettings(
            applicationId,
            bootstrapServers,
            stateDir,
            standbyReplicas,
            deadLetterTopic,
            LogAndFailProcessingExceptionHandler.class,
            kafkaOverrides)
        .properties();
  }
}
