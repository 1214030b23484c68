package io.sealtrail.log;

import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.kafka.KafkaOverrides;
import io.sealtrail.platform.kafka.StreamsBaseSettings;
import io.sealtrail.platform.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/**
 * Everything the log service runs with, read once from flat keys. Defaults (also in the module
 * README's configuration table):
 *
 * <ul>
 *   <li>{@code bootstrap.servers}, {@code schema.registry.url}, {@code sealtrail.log.key-file}:
 *       required, no default
 *   <li>{@code application.id} {@value #DEFAULT_APPLICATION_ID}; {@code state.dir} {@value
 *       #DEFAULT_STATE_DIR}; {@code num.standby.replicas} 1
 *   <li>{@code sealtrail.log.origin} {@value #DEFAULT_ORIGIN} (the log's identity, first line of
 *       every checkpoint and its key's name); {@code sealtrail.log.checkpoint-interval} {@code
 *       PT5S}
 *   <li>{@code sealtrail.topics.events} custody.events, {@code sealtrail.topics.log} custody.log,
 *       {@code sealtrail.topics.log-checkpoints} custody.log.checkpoints, {@code
 *       sealtrail.topics.log-dlq} custody.log.dlq
 *   <li>{@code sealtrail.http.host} 0.0.0.0, {@code sealtrail.http.port} 8084, {@code
 *       sealtrail.management.port} 9464, {@code sealtrail.tokens.dir} /etc/sealtrail/tokens
 * </ul>
 */
public record LogConfig(Streams streams, Signing signing, TopicNames topics, Http http) {
  public static final String DEFAULT_APPLICATION_ID = "sealtrail-log";
  public static final String DEFAULT_STATE_DIR = "/var/lib/sealtrail/log-service";
  public static final String DEFAULT_ORIGIN = "sealtrail/log";
  public static final String KEY_FILE = "sealtrail.log.key-file";
  public static final String ORIGIN = "sealtrail.log.origin";
  public static final String CHECKPOINT_INTERVAL = "sealtrail.log.checkpoint-interval";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** The settings the environment may give ({@code KAFKA_CLIENT_*} besides). */
  public static final EnvConfig ENVIRONMENT =
      new EnvConfig(
          List.of(
              EnvSetting.required(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
              EnvSetting.required(SCHEMA_REGISTRY_URL),
              EnvSetting.required(KEY_FILE),
              EnvSetting.optional(ORIGIN),
              EnvSetting.optional(CHECKPOINT_INTERVAL),
              EnvSetting.optional(StreamsConfig.APPLICATION_ID_CONFIG),
              EnvSetting.optional(StreamsConfig.STATE_DIR_CONFIG),
              EnvSetting.optional(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG),
              EnvSetting.optional(Topic.CONFIG_PREFIX + "events"),
              EnvSetting.optional(Topic.CONFIG_PREFIX + "log"),
              EnvSetting.optional(Topic.CONFIG_PREFIX + "log-checkpoints"),
              EnvSetting.optional(Topic.CONFIG_PREFIX + "log-dlq"),
              EnvSetting.optional("sealtrail.http.host"),
              EnvSetting.optional("sealtrail.http.port"),
              EnvSetting.optional(HttpBinding.MANAGEMENT_PORT_KEY),
              EnvSetting.optional("sealtrail.tokens.dir")));

  public LogConfig {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(http, "http");
  }

  public static LogConfig fromEnvironment(Map<String, String> env) {
    return from(ENVIRONMENT.read(env));
  }

  /**
   * The configuration in {@code flat}, each key falling back to its default.
   *
   * @throws IllegalArgumentException naming the key that is missing or wrong
   */
  public static LogConfig from(Map<String, String> flat) {
    return new LogConfig(
        new Streams(
            flat.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID),
            required(flat, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
            required(flat, SCHEMA_REGISTRY_URL),
            flat.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, DEFAULT_STATE_DIR),
            integer(flat, StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1, 0),
            KafkaOverrides.of(flat)),
        new Signing(
            flat.getOrDefault(ORIGIN, DEFAULT_ORIGIN).strip(),
            Path.of(required(flat, KEY_FILE)),
            duration(flat, CHECKPOINT_INTERVAL, Duration.ofSeconds(5))),
        new TopicNames(
            Topic.configuredName(flat, "events", "custody.events"),
            Topic.configuredName(flat, "log", "custody.log"),
            Topic.configuredName(flat, "log-checkpoints", "custody.log.checkpoints"),
            Topic.configuredName(flat, "log-dlq", "custody.log.dlq")),
        new Http(
            flat.getOrDefault("sealtrail.http.host", "0.0.0.0"),
            integer(flat, "sealtrail.http.port", 8084, 0),
            integer(flat, HttpBinding.MANAGEMENT_PORT_KEY, HttpBinding.DEFAULT_MANAGEMENT_PORT, 0),
            Path.of(flat.getOrDefault("sealtrail.tokens.dir", "/etc/sealtrail/tokens"))));
  }

  /** The serde settings of the Avro input: the registry it was written with. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, streams.schemaRegistryUrl());
  }

  /**
   * The Kafka Streams properties ({@link StreamsBaseSettings}): an input record that cannot be read
   * goes to the dead-letter topic; any other processing error stops the instance, since a skipped
   * event would be missing from the log.
   */
  public Properties streamsProperties() {
    return new StreamsBaseSettings(
            streams.applicationId(),
            streams.bootstrapServers(),
            streams.stateDir(),
            streams.standbyReplicas(),
            topics.deadLetter(),
            LogAndFailProcessingExceptionHandler.class,
            streams.kafkaOverrides())
        .properties();
  }

  /** Where the standalone service's HTTP server and its management server listen. */
  public HttpBinding httpBinding() {
    return new HttpBinding(http.host(), http.port()).withManagementPort(http.managementPort());
  }

  /** The Kafka Streams application and its clients. */
  public record Streams(
      String applicationId,
      String bootstrapServers,
      String schemaRegistryUrl,
      String stateDir,
      int standbyReplicas,
      Map<String, String> kafkaOverrides) {
    public Streams {
      kafkaOverrides = Map.copyOf(kafkaOverrides);
    }
  }

  /**
   * How checkpoints are signed.
   *
   * @param origin the log's identity: line 1 of every checkpoint, and the name of its key
   * @param keyFile the log's private key, a file holding {@code PRIVATE+KEY+<origin>+<keyid>+…}
   * @param checkpointInterval how often, on the wall clock, a grown log signs a checkpoint
   */
  public record Signing(String origin, Path keyFile, Duration checkpointInterval) {
    public Signing {
      if (origin.isEmpty() || origin.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
        throw new IllegalArgumentException(
            ORIGIN + " must be non-empty, without spaces or '+': \"" + origin + "\"");
      }
      if (checkpointInterval.compareTo(Duration.ofMillis(10)) < 0) {
        throw new IllegalArgumentException(
            CHECKPOINT_INTERVAL + " must be at least 10 ms, got " + checkpointInterval);
      }
    }
  }

  /** The topics' names ({@code sealtrail.topics.<id>}). */
  public record TopicNames(String events, String log, String checkpoints, String deadLetter) {}

  /** Where the standalone HTTP server listens and where the role tokens are. */
  public record Http(String host, int port, int managementPort, Path tokensDir) {}

  private static String required(Map<String, String> flat, String key) {
    String value = flat.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value.strip();
  }

  private static int integer(Map<String, String> flat, String key, int fallback, int min) {
    String value = flat.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min) {
        throw new IllegalArgumentException(key + " must be at least " + min + ", got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number: " + value, e);
    }
  }

  private static Duration duration(Map<String, String> flat, String key, Duration fallback) {
    String value = flat.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration (PT5S): " + value, e);
    }
  }
}
