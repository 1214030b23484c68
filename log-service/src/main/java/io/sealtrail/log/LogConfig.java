package io.sealtrail.log;

import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.env.FlatValues;
import io.sealtrail.platform.http.HttpSettings;
import io.sealtrail.platform.kafka.StreamsBaseSettings;
import io.sealtrail.platform.topic.Topic;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *       sealtrail.topics.log-dlq} custody.log.dlq, {@code sealtrail.topics.audit-actions}
 *       custody.audit.actions, {@code sealtrail.topics.audit} custody.audit
 *   <li>{@code sealtrail.http.host} 0.0.0.0, {@code sealtrail.http.port} {@value
 *       #DEFAULT_HTTP_PORT}, {@code sealtrail.management.port} 9464, {@code sealtrail.tokens.dir}
 *       /etc/sealtrail/tokens ({@link HttpSettings})
 *   <li>{@code sealtrail.evidence.custody-url} {@value #DEFAULT_CUSTODY_URL}, {@code
 *       sealtrail.evidence.ingest-url} {@value #DEFAULT_INGEST_URL}, {@code
 *       sealtrail.evidence.anomaly-url} {@value #DEFAULT_ANOMALY_URL}: where the evidence bundles'
 *       sources answer (the Kubernetes services of deploy/; local mode: its one port)
 * </ul>
 *
 * @param streams the Kafka Streams settings ({@link StreamsBaseSettings}): an input record that
 *     cannot be read goes to the dead-letter topic ({@code sealtrail.topics.log-dlq}), and so does
 *     an audit entry that is not one; any other processing error stops the instance, since a
 *     skipped event would be missing from the log
 */
public record LogConfig(
    StreamsBaseSettings streams,
    String schemaRegistryUrl,
    Signing signing,
    TopicNames topics,
    HttpSettings http,
    EvidenceUrls evidence) {
  public static final String DEFAULT_APPLICATION_ID = "sealtrail-log";
  public static final String DEFAULT_STATE_DIR = "/var/lib/sealtrail/log-service";
  public static final String DEFAULT_ORIGIN = "sealtrail/log";
  public static final int DEFAULT_HTTP_PORT = 8084;
  public static final String KEY_FILE = "sealtrail.log.key-file";
  public static final String ORIGIN = "sealtrail.log.origin";
  public static final String CHECKPOINT_INTERVAL = "sealtrail.log.checkpoint-interval";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String CUSTODY_URL = "sealtrail.evidence.custody-url";
  public static final String INGEST_URL = "sealtrail.evidence.ingest-url";
  public static final String ANOMALY_URL = "sealtrail.evidence.anomaly-url";
  public static final String DEFAULT_CUSTODY_URL = "http://custody-stream:8082";
  public static final String DEFAULT_INGEST_URL = "http://ingest-service:8080";
  public static final String DEFAULT_ANOMALY_URL = "http://anomaly-service:8083";

  /** The settings the environment may give ({@code KAFKA_CLIENT_*} besides). */
  public static final EnvConfig ENVIRONMENT = new EnvConfig(variables());

  public LogConfig {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(evidence, "evidence");
  }

  private static List<EnvSetting> variables() {
    List<EnvSetting> all =
        new ArrayList<>(
            List.of(
                EnvSetting.required(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
                EnvSetting.required(SCHEMA_REGISTRY_URL),
                EnvSetting.required(KEY_FILE),
                EnvSetting.optional(ORIGIN),
                EnvSetting.optional(CHECKPOINT_INTERVAL),
                EnvSetting.optional(StreamsConfig.APPLICATION_ID_CONFIG),
                EnvSetting.optional(StreamsConfig.STATE_DIR_CONFIG),
                EnvSetting.optional(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG),
                EnvSetting.optional(CUSTODY_URL),
                EnvSetting.optional(INGEST_URL),
                EnvSetting.optional(ANOMALY_URL)));
    List.of("events", "log", "log-checkpoints", "log-dlq", AuditActionsTopic.ID, "audit")
        .forEach(id -> all.add(EnvSetting.optional(Topic.CONFIG_PREFIX + id)));
    all.addAll(HttpSettings.ENVIRONMENT);
    return all;
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
    TopicNames topics =
        new TopicNames(
            Topic.configuredName(flat, "events", "custody.events"),
            Topic.configuredName(flat, "log", "custody.log"),
            Topic.configuredName(flat, "log-checkpoints", "custody.log.checkpoints"),
            Topic.configuredName(flat, "log-dlq", "custody.log.dlq"),
            Topic.configuredName(flat, AuditActionsTopic.ID, AuditActionsTopic.DEFAULT_NAME),
            Topic.configuredName(flat, "audit", "custody.audit"));
    StreamsBaseSettings defaults =
        new StreamsBaseSettings(
            DEFAULT_APPLICATION_ID,
            required(flat, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
            DEFAULT_STATE_DIR,
            1,
            topics.deadLetter(),
            LogAndFailProcessingExceptionHandler.class,
            Map.of());
    return new LogConfig(
        StreamsBaseSettings.from(flat, defaults),
        required(flat, SCHEMA_REGISTRY_URL),
        new Signing(
            FlatValues.text(flat, ORIGIN, DEFAULT_ORIGIN),
            Path.of(required(flat, KEY_FILE)),
            duration(flat, CHECKPOINT_INTERVAL, Duration.ofSeconds(5))),
        topics,
        HttpSettings.from(flat, DEFAULT_HTTP_PORT),
        new EvidenceUrls(
            url(flat, CUSTODY_URL, DEFAULT_CUSTODY_URL),
            url(flat, INGEST_URL, DEFAULT_INGEST_URL),
            url(flat, ANOMALY_URL, DEFAULT_ANOMALY_URL)));
  }

  /** The serde settings of the Avro input: the registry it was written with. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
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

  /**
   * Where the sources of evidence bundles answer: custody-stream (histories, lot traces), ingest
   * (partner registrations), anomaly-service (a serial's alerts).
   */
  public record EvidenceUrls(URI custody, URI ingest, URI anomaly) {}

  /**
   * The topics' names ({@code sealtrail.topics.<id>}).
   *
   * @param auditActions the audit entries every service writes, unchained
   * @param audit the chained audit records this service writes
   */
  public record TopicNames(
      String events,
      String log,
      String checkpoints,
      String deadLetter,
      String auditActions,
      String audit) {}

  private static String required(Map<String, String> flat, String key) {
    String value = flat.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
    return value.strip();
  }

  private static URI url(Map<String, String> flat, String key, String fallback) {
    String value = FlatValues.text(flat, key, fallback);
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + " is not an http(s) URL: " + value, e);
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
