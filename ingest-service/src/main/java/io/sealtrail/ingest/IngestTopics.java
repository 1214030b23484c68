package io.sealtrail.ingest;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.auth.UsersTopic;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.trust.policy.PolicyTopic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Ingest's topic catalogue: every topic it reads or writes with its value serde and how it is
 * created, built once from the configuration. {@link #settings()} is what topic setup, local mode
 * and the deployment checks create and compare. Each registered partner also has an outcome topic,
 * {@code <outcomes>.<partnerId>} ({@link #outcomesOf}), created when the partner is registered
 * rather than here (ADR 11).
 */
public record IngestTopics(
    Topic<byte[]> inbound,
    Topic<byte[]> submissions,
    Topic<VerifiedEvent> events,
    Topic<RejectedSubmission> rejected,
    Topic<byte[]> dedup,
    Topic<byte[]> replies,
    Topic<PartnerRegistration> partners,
    Topic<byte[]> users,
    Topic<byte[]> auditActions,
    Topic<PartnerOutcome> outcomes,
    Topic<byte[]> policy,
    int partitions,
    short replicationFactor) {
  /** How long inbound records and submissions are kept: long enough to survive any outage. */
  static final Duration SUBMISSIONS_RETENTION = Duration.ofDays(7);

  /** Rejections are evidence for forensics and rejection spikes. */
  static final Duration REJECTED_RETENTION = Duration.ofDays(90);

  /** Replies matter only while a caller waits. */
  static final Duration REPLY_RETENTION = Duration.ofHours(1);

  /**
   * A partner's outcomes: read by that partner alone, in order, so one partition; kept longer than
   * an event may be accepted late (ingest's configuration checks it).
   */
  static final int OUTCOME_PARTITIONS = 1;

  /**
   * Partner ids that can name a topic: Kafka's topic characters but the dot, with room for the
   * prefix. Kafka refuses a topic whose name differs from another's only by '.' against '_', so
   * without dots no two partners' topics can collide.
   */
  private static final Pattern TOPIC_SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

  /** The catalogue of {@code config}'s topics, Avro values with the registry of {@code serde}. */
  public static IngestTopics from(IngestConfig config, Map<String, ?> serdeConfig) {
    IngestConfig.Topics names = config.topics();
    Serde<byte[]> bytes = Serdes.ByteArray();
    return new IngestTopics(
        new Topic<>(names.inbound(), bytes, TopicSettings.kept(SUBMISSIONS_RETENTION)),
        new Topic<>(names.submissions(), bytes, TopicSettings.kept(SUBMISSIONS_RETENTION)),
        // The source of truth: accepted events are kept for ever.
        new Topic<>(
            names.events(), avro(VerifiedEvent.class, serdeConfig), TopicSettings.forever()),
        new Topic<>(
            names.rejected(),
            avro(RejectedSubmission.class, serdeConfig),
            TopicSettings.kept(REJECTED_RETENTION)),
        // One entry per event id, forgotten after the dedup window.
        new Topic<>(
            names.dedup(),
            bytes,
            new TopicSettings(OptionalInt.empty(), true, Optional.of(config.dedupWindow()))),
        new Topic<>(names.replies(), bytes, TopicSettings.kept(REPLY_RETENTION)),
        // Read whole by every instance: one partition, the latest registration per partner.
        new Topic<>(
            names.partners(),
            avro(PartnerRegistration.class, serdeConfig),
            TopicSettings.latestPerKey().withPartitions(1)),
        // Named identities, read whole by every node of every service (platform.auth).
        UsersTopic.named(names.users()),
        // What the admin API did; the log service chains it into custody.audit.
        AuditActionsTopic.from(Map.of()).renamed(names.auditActions()),
        // A template: the name is the prefix of each partner's own topic (outcomesOf).
        new Topic<>(
            names.outcomes(),
            avro(PartnerOutcome.class, serdeConfig),
            TopicSettings.kept(config.outcomeRetention()).withPartitions(OUTCOME_PARTITIONS)),
        // The runtime policy, read whole by every instance of ingest and custody-stream.
        PolicyTopic.named(names.policy()),
        names.partitions(),
        names.replicationFactor());
  }

  /** Every topic, the contract's first. */
  public List<Topic<?>> all() {
    return List.of(
        inbound,
        events,
        rejected,
        partners,
        submissions,
        dedup,
        replies,
        users,
        auditActions,
        policy);
  }

  /**
   * The outcome topic of {@code partnerId}, {@code <outcomes>.<partnerId>}, or empty for an id that
   * cannot name a topic (the admin API refuses to register one).
   */
  public Optional<Topic<PartnerOutcome>> outcomesOf(String partnerId) {
    if (partnerId == null || !TOPIC_SAFE_ID.matcher(partnerId).matches()) {
      return Optional.empty();
    }
    return Optional.of(outcomes.renamed(outcomes.name() + "." + partnerId));
  }

  /** Whether {@code partnerId} can name an outcome topic. */
  public static boolean namesATopic(String partnerId) {
    return partnerId != null && TOPIC_SAFE_ID.matcher(partnerId).matches();
  }

  /** How an outcome topic is created: its catalogue settings and the minimum in-sync replicas. */
  public NewTopic outcomeSettings(Topic<PartnerOutcome> topic) {
    NewTopic created = topic.newTopic(partitions, replicationFactor);
    Map<String, String> configs = new HashMap<>(created.configs());
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync());
    return created.configs(configs);
  }

  /** The names of {@link #all()}. */
  public List<String> names() {
    return all().stream().map(Topic::name).toList();
  }

  /**
   * The topics to create, each with the configuration correctness depends on: the catalogue's
   * settings, {@code min.insync.replicas} one below the replication factor (at least 1), the
   * broker's receipt time on inbound records (a Kafka partner cannot forge receivedAt), and a dedup
   * topic both compacted and deleted after the window.
   */
  public List<NewTopic> settings() {
    String minIsr = minInSync();
    return all().stream()
        .map(
            topic -> {
              NewTopic created = topic.newTopic(partitions, replicationFactor);
              Map<String, String> configs = new HashMap<>(created.configs());
              configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr);
              if (topic == inbound) {
                configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
              }
              if (topic == dedup) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete");
              }
              return created.configs(configs);
            })
        .toList();
  }

  private String minInSync() {
    return Integer.toString(Math.max(1, replicationFactor - 1));
  }

  private static <T extends SpecificRecord> Serde<T> avro(
      Class<T> type, Map<String, ?> serdeConfig) {
    var serde = new SpecificAvroSerde<>(type);
    serde.configure(serdeConfig, false);
    return serde;
  }
}
