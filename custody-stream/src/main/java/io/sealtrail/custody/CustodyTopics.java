package io.sealtrail.custody;

import static io.sealtrail.registry.serde.SpecificAvroSerde.forValues;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import io.sealtrail.trust.policy.PolicyTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * custody-stream's topic catalogue: every topic it reads or writes that is not its own internal
 * topic (changelogs and repartition topics, which Kafka Streams creates), each with its name, value
 * serde and how it is created. Names are configured as {@code sealtrail.topics.<id>} with the ids
 * in {@link CustodyConfig#TOPIC_IDS}. Local mode creates the topics from {@link #settings()}, and
 * {@code DeployConfigTest} checks {@code deploy/} against it. Every key is a string: a serial, or
 * for releases the product and image hash.
 */
public record CustodyTopics(
    Topic<VerifiedEvent> events,
    Topic<CustodyState> state,
    Topic<Violation> violations,
    Topic<VerifiedEvent> releases,
    Topic<byte[]> deadLetters,
    Topic<Hold> holds,
    Topic<byte[]> auditActions,
    Topic<String> layouts,
    Topic<byte[]> policy,
    Topic<CampaignEntry> campaigns) {
  /** How long violations and dead letters are kept for consumers and forensics. */
  public static final Duration FORENSIC_RETENTION = Duration.ofDays(30);

  /**
   * The topics under the names {@code config} gives, with Avro serdes configured from {@code
   * serdeConfig} (at least {@code schema.registry.url}).
   */
  public static CustodyTopics from(CustodyConfig config, Map<String, ?> serdeConfig) {
    Map<String, String> names = config.topicNames();
    TopicSettings forensic = TopicSettings.kept(FORENSIC_RETENTION);
    return new CustodyTopics(
        // The source of truth: written by ingest, kept for ever.
        new Topic<>(
            Topic.configuredName(names, "events", "custody.events"),
            forValues(VerifiedEvent.class, serdeConfig),
            TopicSettings.forever()),
        new Topic<>(
            Topic.configuredName(names, "state", "custody.state"),
            forValues(CustodyState.class, serdeConfig),
            TopicSettings.latestPerKey()),
        new Topic<>(
            Topic.configuredName(names, "violations", "custody.violations"),
            forValues(Violation.class, serdeConfig),
            forensic),
        // Read whole by every instance as a global table: one partition keeps it in order.
        new Topic<>(
            Topic.configuredName(names, "releases", "custody.firmware-releases"),
            forValues(VerifiedEvent.class, serdeConfig),
            TopicSettings.latestPerKey().withPartitions(1)),
        // Unreadable events, as they came; few, so one partition keeps them in order.
        new Topic<>(
            config.streams().deadLetterTopic(), Serdes.ByteArray(), forensic.withPartitions(1)),
        // Containment holds, read whole by every instance as a global store; the latest version
        // of each hold is all that matters, and a hold is never deleted (ADR 10).
        new Topic<>(
            Topic.configuredName(names, "holds", "custody.holds"),
            forValues(Hold.class, serdeConfig),
            TopicSettings.latestPerKey().withPartitions(1)),
        // Who placed and released holds: written here, chained by log-service (ADR 9).
        AuditActionsTopic.from(names),
        // Process layouts (ADR 14), keyed by product, each value every kept version: read whole
        // by every instance as a global store; the latest record per product is all that matters.
        new Topic<>(
            Topic.configuredName(names, "layouts", "custody.layouts"),
            Serdes.String(),
            TopicSettings.latestPerKey().withPartitions(1)),
        // The runtime policy (transit times, suppliers), written by ingest's admin API and read
        // whole by every instance as a global store.
        PolicyTopic.from(names),
        // Recall campaigns, read whole by every instance as a global store; a header and one
        // entry per device, each the latest version under its key (ADR 15).
        new Topic<>(
            Topic.configuredName(names, "campaigns", "custody.campaigns"),
            forValues(CampaignEntry.class, serdeConfig),
            TopicSettings.latestPerKey().withPartitions(1)));
  }

  /** Every topic, in the order above. */
  public List<Topic<?>> all() {
    return List.of(
        events,
        state,
        violations,
        releases,
        deadLetters,
        holds,
        auditActions,
        layouts,
        policy,
        campaigns);
  }

  /** What must be created, by name: every topic with its settings. */
  public Map<String, TopicSettings> settings() {
    return Topic.settingsByName(all());
  }
}
