package io.sealtrail.ingest;

import static io.sealtrail.platform.env.EnvSetting.optional;

import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.auth.AuthSettings;
import io.sealtrail.platform.auth.UsersTopic;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.trust.policy.PolicyTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The configuration of one ingest instance, read once from flat keys ({@link #from}) or from the
 * environment ({@link #fromEnvironment}); no other class reads configuration maps. Defaults (also
 * in the module README's table): group prefix {@code sealtrail-ingest}, clock skew 5 minutes, event
 * age 30 days, dedup window 7 days, Kafka timeout 10 s, reply timeout 30 s, the contract's topic
 * names with 6 partitions and replication factor 3, the HTTP defaults of {@link Http} and the
 * pipeline defaults of {@link Pipeline}.
 *
 * @param instanceId stable per instance (e.g. the pod name): it names the transactional ids, so a
 *     restarted instance fences its own zombie
 * @param groupPrefix prefix of the consumer groups of the verifier and the router
 * @param topics the topic names and how many partitions and replicas the created ones get
 * @param clockSkew how far in the future an event's occurredAt may lie
 * @param maxEventAge how far in the past an event's occurredAt may lie, for every event type the
 *     policy (trust's {@code maxEventAge.byType}) does not bound itself
 * @param dedupWindow how long an eventId is remembered; also the dedup topic's retention
 * @param kafkaTimeout how long a send or a state restore may wait for Kafka
 * @param replyTimeout how long a caller waits for its outcome
 * @param outcomeRetention how long a partner's outcome topic keeps its outcomes, default 90 days;
 *     more than the event age plus the clock skew, so that the answer to "was this event recorded?"
 *     covers every event ingest could still accept (ADR 11)
 * @param clientOverrides settings applied to every Kafka client, e.g. security
 * @param registryUrl the schema registry, where ingest registers the schemas it writes
 * @param http the HTTP door
 * @param pipeline how the verifier and the router gather transactions and verify (ADR 16)
 */
public record IngestConfig(
    String bootstrapServers,
    String instanceId,
    String groupPrefix,
    Topics topics,
    Duration clockSkew,
    Duration maxEventAge,
    Duration dedupWindow,
    Duration kafkaTimeout,
    Duration replyTimeout,
    Duration outcomeRetention,
    Map<String, Object> clientOverrides,
    String registryUrl,
    Http http,
    Pipeline pipeline) {
  static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  static final String INSTANCE_ID = "sealtrail.ingest.instance-id";
  static final String GROUP_PREFIX = "sealtrail.ingest.group-prefix";
  static final String CLOCK_SKEW = "sealtrail.ingest.clock-skew";
  static final String MAX_EVENT_AGE = "sealtrail.ingest.max-event-age";
  static final String DEDUP_WINDOW = "sealtrail.ingest.dedup-window";
  static final String KAFKA_TIMEOUT = "sealtrail.ingest.kafka-timeout";
  static final String REPLY_TIMEOUT = "sealtrail.ingest.reply-timeout";
  static final String OUTCOME_RETENTION = "sealtrail.ingest.outcome-retention";
  static final String PARTITIONS = Topic.CONFIG_PREFIX + "partitions";
  static final String REPLICATION_FACTOR = Topic.CONFIG_PREFIX + "replication-factor";
  static final String HTTP_HOST = "sealtrail.http.host";
  static final String HTTP_PORT = "sealtrail.http.port";
  static final String MAX_BODY_BYTES = "sealtrail.http.max-body-bytes";
  static final String MAX_BATCH_SIZE = "sealtrail.http.max-batch-size";
  static final String DIRECTORY_MAX_AGE = "sealtrail.http.directory-max-age";
  static final String RETRY_AFTER = "sealtrail.http.retry-after";
  static final String SIGNED_REQUEST_WINDOW = "sealtrail.http.signed-request-window";
  static final String TOKENS_DIR = "sealtrail.tokens.dir";
  static final String TRANSACTION_MAX_RECORDS = "sealtrail.ingest.transaction-max-records";
  static final String TRANSACTION_MAX_DELAY = "sealtrail.ingest.transaction-max-delay";
  static final String VERIFY_THREADS = "sealtrail.ingest.verify-threads";

  /**
   * Every variable an ingest container reads (documented in deploy/README.md), besides the {@code
   * KAFKA_CLIENT_*} client settings. The instance id falls back to {@code HOSTNAME}, the pod or
   * container name.
   */
  public static final EnvConfig ENVIRONMENT =
      new EnvConfig(
          Stream.concat(
                  Stream.of(
                      EnvSetting.required(BOOTSTRAP_SERVERS),
                      EnvSetting.required(SCHEMA_REGISTRY_URL),
                      // Listed before the instance id, which overrides it when both are set.
                      new EnvSetting("HOSTNAME", INSTANCE_ID, false),
                      optional(INSTANCE_ID),
                      optional(GROUP_PREFIX),
                      optional(CLOCK_SKEW),
                      optional(MAX_EVENT_AGE),
                      optional(DEDUP_WINDOW),
                      optional(KAFKA_TIMEOUT),
                      optional(REPLY_TIMEOUT),
                      optional(OUTCOME_RETENTION),
                      optional(TRANSACTION_MAX_RECORDS),
                      optional(TRANSACTION_MAX_DELAY),
                      optional(VERIFY_THREADS),
                      optional(Topic.CONFIG_PREFIX + "inbound"),
                      optional(Topic.CONFIG_PREFIX + "submissions"),
                      optional(Topic.CONFIG_PREFIX + "events"),
                      optional(Topic.CONFIG_PREFIX + "rejected"),
                      optional(Topic.CONFIG_PREFIX + "dedup"),
                      optional(Topic.CONFIG_PREFIX + "replies"),
                      optional(Topic.CONFIG_PREFIX + "partners"),
                      optional(Topic.CONFIG_PREFIX + AuditActionsTopic.ID),
                      optional(Topic.CONFIG_PREFIX + PolicyTopic.ID),
                      optional(Topic.CONFIG_PREFIX + "outcomes"),
                      optional(PARTITIONS),
                      optional(REPLICATION_FACTOR),
                      optional(HTTP_HOST),
                      optional(HTTP_PORT),
                      optional(HttpBinding.MANAGEMENT_PORT_KEY),
                      optional(TOKENS_DIR),
                      optional(MAX_BODY_BYTES),
                      optional(MAX_BATCH_SIZE),
                      optional(DIRECTORY_MAX_AGE),
                      optional(RETRY_AFTER),
                      optional(SIGNED_REQUEST_WINDOW)),
                  // sealtrail.topics.users and the identity provider's JWT keys
                  AuthSettings.ENVIRONMENT.stream())
              .toList());

  /** Keys that configure ingest itself, never passed to the Kafka clients. */
  private static final Set<String> OWN_KEYS = Set.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL);

  public IngestConfig {
    requireText(bootstrapServers, BOOTSTRAP_SERVERS);
    requireText(instanceId, INSTANCE_ID);
    requireText(groupPrefix, GROUP_PREFIX);
    requireText(registryUrl, SCHEMA_REGISTRY_URL);
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(pipeline, "pipeline");
    requirePositive(clockSkew, CLOCK_SKEW);
    requirePositive(maxEventAge, MAX_EVENT_AGE);
    requirePositive(dedupWindow, DEDUP_WINDOW);
    requirePositive(kafkaTimeout, KAFKA_TIMEOUT);
    requirePositive(replyTimeout, REPLY_TIMEOUT);
    requirePositive(outcomeRetention, OUTCOME_RETENTION);
    if (outcomeRetention.compareTo(maxEventAge.plus(clockSkew)) <= 0) {
      // An outcome forgotten while its event could still be accepted again would let a client
      // that asks "was it recorded?" resend an event the platform holds.
      throw new IllegalArgumentException(
          OUTCOME_RETENTION
              + " must be longer than "
              + MAX_EVENT_AGE
              + " plus "
              + CLOCK_SKEW
              + " ("
              + maxEventAge.plus(clockSkew)
              + ")");
    }
    clientOverrides = Map.copyOf(clientOverrides);
  }

  /** The configuration {@code env} gives a container: {@code from(ENVIRONMENT.read(env))}. */
  public static IngestConfig fromEnvironment(Map<String, String> env) {
    return from(ENVIRONMENT.read(env));
  }

  /**
   * Reads {@code bootstrap.servers}, {@code schema.registry.url}, {@code sealtrail.ingest.*}
   * (durations in ISO-8601, e.g. {@code PT5M}), {@code sealtrail.topics.*}, {@code
   * sealtrail.http.*}, {@code sealtrail.management.port} and {@code sealtrail.tokens.dir}; any
   * other key is passed to every Kafka client.
   *
   * @throws IllegalArgumentException naming the key that is missing or cannot be read
   */
  public static IngestConfig from(Map<String, String> flat) {
    Map<String, Object> overrides = new HashMap<>();
    flat.forEach(
        (key, value) -> {
          if (!key.startsWith("sealtrail.") && !OWN_KEYS.contains(key)) {
            overrides.put(key, value);
          }
        });
    return new IngestConfig(
        required(flat, BOOTSTRAP_SERVERS),
        required(flat, INSTANCE_ID),
        flat.getOrDefault(GROUP_PREFIX, "sealtrail-ingest"),
        Topics.from(flat),
        duration(flat, CLOCK_SKEW, "PT5M"),
        duration(flat, MAX_EVENT_AGE, "P30D"),
        duration(flat, DEDUP_WINDOW, "P7D"),
        duration(flat, KAFKA_TIMEOUT, "PT10S"),
        duration(flat, REPLY_TIMEOUT, "PT30S"),
        duration(flat, OUTCOME_RETENTION, "P90D"),
        overrides,
        required(flat, SCHEMA_REGISTRY_URL),
        Http.from(flat),
        Pipeline.from(flat));
  }

  /** The serde settings: the registry, where ingest registers the schemas it writes. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, registryUrl, "auto.register.schemas", true);
  }

  /** The same configuration on other topics, e.g. one test's own prefixed copy. */
  public IngestConfig withTopics(Topics other) {
    return new IngestConfig(
        bootstrapServers,
        instanceId,
        groupPrefix,
        other,
        clockSkew,
        maxEventAge,
        dedupWindow,
        kafkaTimeout,
        replyTimeout,
        outcomeRetention,
        clientOverrides,
        registryUrl,
        http,
        pipeline);
  }

  /** The same configuration with other pipeline settings, e.g. one test's bounds. */
  public IngestConfig withPipeline(Pipeline other) {
    return new IngestConfig(
        bootstrapServers,
        instanceId,
        groupPrefix,
        topics,
        clockSkew,
        maxEventAge,
        dedupWindow,
        kafkaTimeout,
        replyTimeout,
        outcomeRetention,
        clientOverrides,
        registryUrl,
        http,
        other);
  }

  /**
   * How the verifier and the router gather records into transactions, and how many threads verify
   * (ADR 16).
   *
   * @param transactionMaxRecords most input records one transaction gathers before it commits,
   *     default 2,000 (more only when one poll brings more)
   * @param transactionMaxDelay longest a polled record waits for its transaction to commit, default
   *     20 ms; zero commits after every poll that returned records
   * @param verifyThreads threads that parse and verify polled submissions ahead of the verifier's
   *     transaction, default the available processors but at most 4; 0 verifies on the verifier's
   *     own thread
   */
  public record Pipeline(
      int transactionMaxRecords, Duration transactionMaxDelay, int verifyThreads) {
    public Pipeline {
      if (transactionMaxRecords < 1) {
        throw new IllegalArgumentException(TRANSACTION_MAX_RECORDS + " must be positive");
      }
      if (transactionMaxDelay == null || transactionMaxDelay.isNegative()) {
        throw new IllegalArgumentException(TRANSACTION_MAX_DELAY + " must not be negative");
      }
      if (transactionMaxDelay.compareTo(MAX_TRANSACTION_DELAY) > 0) {
        // Far below the transaction timeout, so a gathering transaction is never aborted for age.
        throw new IllegalArgumentException(
            TRANSACTION_MAX_DELAY + " must be at most " + MAX_TRANSACTION_DELAY);
      }
      if (verifyThreads < 0) {
        throw new IllegalArgumentException(VERIFY_THREADS + " must not be negative");
      }
    }

    private static final Duration MAX_TRANSACTION_DELAY = Duration.ofSeconds(5);

    /** The defaults of the README's table. */
    public static Pipeline defaults() {
      return from(Map.of());
    }

    static Pipeline from(Map<String, String> flat) {
      return new Pipeline(
          integer(flat, TRANSACTION_MAX_RECORDS, 2000),
          duration(flat, TRANSACTION_MAX_DELAY, "PT0.02S"),
          integer(flat, VERIFY_THREADS, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }
  }

  /**
   * The names of the topics ingest reads and writes ({@code sealtrail.topics.<id>}, the contract's
   * names by default), and how many partitions (default 6) and replicas (default 3) the keyed ones
   * it creates get. The submissions and dedup topics must have the same partition count: partition
   * p of the dedup topic holds the dedup state of submissions partition p.
   */
  public record Topics(
      String inbound,
      String submissions,
      String events,
      String rejected,
      String dedup,
      String replies,
      String partners,
      String users,
      String auditActions,
      String outcomes,
      String policy,
      int partitions,
      short replicationFactor) {

    public Topics {
      Objects.requireNonNull(inbound, "inbound");
      Objects.requireNonNull(submissions, "submissions");
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(rejected, "rejected");
      Objects.requireNonNull(dedup, "dedup");
      Objects.requireNonNull(replies, "replies");
      Objects.requireNonNull(partners, "partners");
      Objects.requireNonNull(users, "users");
      Objects.requireNonNull(auditActions, "auditActions");
      Objects.requireNonNull(outcomes, "outcomes");
      Objects.requireNonNull(policy, "policy");
      if (partitions < 1) {
        throw new IllegalArgumentException(PARTITIONS + " must be positive, got " + partitions);
      }
      if (replicationFactor < 1) {
        throw new IllegalArgumentException(
            REPLICATION_FACTOR + " must be positive, got " + replicationFactor);
      }
    }

    static Topics from(Map<String, String> flat) {
      return new Topics(
          Topic.configuredName(flat, "inbound", "custody.inbound"),
          Topic.configuredName(flat, "submissions", "custody.ingest.submissions"),
          Topic.configuredName(flat, "events", "custody.events"),
          Topic.configuredName(flat, "rejected", "custody.rejected"),
          Topic.configuredName(flat, "dedup", "custody.ingest.dedup"),
          Topic.configuredName(flat, "replies", "custody.ingest.replies"),
          Topic.configuredName(flat, "partners", "custody.partners"),
          Topic.configuredName(flat, UsersTopic.ID, UsersTopic.DEFAULT_NAME),
          Topic.configuredName(flat, AuditActionsTopic.ID, AuditActionsTopic.DEFAULT_NAME),
          Topic.configuredName(flat, "outcomes", "custody.outcomes"),
          Topic.configuredName(flat, PolicyTopic.ID, PolicyTopic.DEFAULT_NAME),
          integer(flat, PARTITIONS, 6),
          (short) integer(flat, REPLICATION_FACTOR, 3));
    }

    /** The same names with {@code prefix} in front of each, e.g. for one test's own topics. */
    public Topics prefixed(String prefix) {
      return new Topics(
          prefix + inbound,
          prefix + submissions,
          prefix + events,
          prefix + rejected,
          prefix + dedup,
          prefix + replies,
          prefix + partners,
          prefix + users,
          prefix + auditActions,
          prefix + outcomes,
          prefix + policy,
          partitions,
          replicationFactor);
    }
  }

  /**
   * The HTTP door: where it listens, the role tokens, and its limits.
   *
   * @param host default {@code 0.0.0.0}
   * @param port default 8080; 0 picks a free port
   * @param managementPort where {@code /prometheus} answers, default 9464
   * @param tokensDir the role tokens' files, default {@code /etc/sealtrail/tokens}
   * @param maxBodyBytes largest request body, default 5 MiB; above it 413
   * @param maxBatchSize most envelopes in one request, default 500; above it 413
   * @param directoryMaxAge how old the partner directory's last successful read may be before
   *     submissions are refused with 503, default 30 s
   * @param retryAfter what every 503 of {@code POST /v1/events} tells clients to wait, default 5 s
   * @param signedRequestWindow how far a partner's signed request's {@code at} may lie from the
   *     server's clock, either way, default 5 minutes (ADR 11)
   * @param auth the identity provider's JWTs, if trusted (the users topic is {@link Topics#users})
   */
  public record Http(
      String host,
      int port,
      int managementPort,
      Path tokensDir,
      int maxBodyBytes,
      int maxBatchSize,
      Duration directoryMaxAge,
      Duration retryAfter,
      Duration signedRequestWindow,
      AuthSettings auth) {
    public Http {
      Objects.requireNonNull(auth, "auth");
      requireText(host, HTTP_HOST);
      Objects.requireNonNull(tokensDir, TOKENS_DIR);
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException(MAX_BODY_BYTES + " must be positive");
      }
      if (maxBatchSize <= 0) {
        throw new IllegalArgumentException(MAX_BATCH_SIZE + " must be positive");
      }
      if (directoryMaxAge == null || directoryMaxAge.isNegative()) {
        throw new IllegalArgumentException(DIRECTORY_MAX_AGE + " must not be negative");
      }
      if (retryAfter == null || retryAfter.isNegative()) {
        throw new IllegalArgumentException(RETRY_AFTER + " must not be negative");
      }
      requirePositive(signedRequestWindow, SIGNED_REQUEST_WINDOW);
      // Checked here so that the key is named; the binding checks the ports again.
      binding(host, port, managementPort);
    }

    static Http from(Map<String, String> flat) {
      return new Http(
          flat.getOrDefault(HTTP_HOST, "0.0.0.0"),
          integer(flat, HTTP_PORT, 8080),
          integer(flat, HttpBinding.MANAGEMENT_PORT_KEY, HttpBinding.DEFAULT_MANAGEMENT_PORT),
          Path.of(flat.getOrDefault(TOKENS_DIR, "/etc/sealtrail/tokens")),
          integer(flat, MAX_BODY_BYTES, 5 * 1024 * 1024),
          integer(flat, MAX_BATCH_SIZE, 500),
          duration(flat, DIRECTORY_MAX_AGE, "PT30S"),
          duration(flat, RETRY_AFTER, "PT5S"),
          duration(flat, SIGNED_REQUEST_WINDOW, "PT5M"),
          AuthSettings.from(flat));
    }

    /** Where the service's own server listens, with metrics on the management port. */
    public HttpBinding binding() {
      return binding(host, port, managementPort);
    }

    private static HttpBinding binding(String host, int port, int managementPort) {
      try {
        return new HttpBinding(host, port).withManagementPort(managementPort);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            HTTP_PORT + "/" + HttpBinding.MANAGEMENT_PORT_KEY + ": " + e.getMessage(), e);
      }
    }
  }

  private static String required(Map<String, String> flat, String key) {
    String value = flat.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing configuration " + key);
    }
    return value.strip();
  }

  private static Duration duration(Map<String, String> flat, String key, String fallback) {
    String value = flat.getOrDefault(key, fallback).strip();
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " is not an ISO-8601 duration (e.g. PT5M): '" + value + "'", e);
    }
  }

  private static int integer(Map<String, String> flat, String key, int fallback) {
    String value = flat.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number: '" + value + "'", e);
    }
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing configuration " + key);
    }
  }

  private static void requirePositive(Duration duration, String key) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration");
    }
  }
}
