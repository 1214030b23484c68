package io.sealtrail.custody.topology;

import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.platform.kafka.KafkaOverrides;
import io.sealtrail.platform.kafka.StreamsBaseSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything custody-stream is configured with, read once from flat keys (see the README for each
 * key and its default), and the Kafka Streams properties it implies.
 */
public record CustodyStreamConfig(
    String applicationId,
    String bootstrapServers,
    String schemaRegistryUrl,
    String stateDir,
    int standbyReplicas,
    String deadLetterTopic,
    TopicNames topics,
    DetectionRules rules,
    Map<String, String> kafkaOverrides) {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  public CustodyStreamConfig {
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
  public static CustodyStreamConfig from(Map<String, String> flat) {
    return new CustodyStreamConfig(
        flat.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, "sealtrail-custody"),
        flat.getOrDefault(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
        flat.getOrDefault(SCHEMA_REGISTRY_URL, "http://localhost:8081"),
        flat.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/sealtrail/custody-stream"),
        Integer.parseInt(flat.getOrDefault(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")),
        flat.getOrDefault(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "custody.events.dlq"),
        TopicNames.from(flat),
        DetectionRulesConfig.from(flat),
        KafkaOverrides.of(flat));
  }

  /** The serde settings: the registry the Avro topics and stores share. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
  }

  /**
   * The Kafka Streams properties, each production-critical one set explicitly ({@link
   * StreamsBaseSettings}); a malformed event goes to the dead-letter topic too, any other
   * processing error stops the instance ({@link PoisonPillHandler}).
   */
  public Properties streamsProperties() {
    return new StreamsBaseSettings(
            applicationId,
            bootstrapServers,
            stateDir,
            standbyReplicas,
            deadLetterTopic,
            PoisonPillHandler.class,
            kafkaOverrides)
        .properties();
  }
}
