package io.sealtrail.anomaly;

import static io.sealtrail.registry.serde.SpecificAvroSerde.forValues;

import io.sealtrail.anomaly.topology.ValueRequired;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * anomaly-service's topic catalogue: every topic it reads or writes besides its internal ones
 * (changelogs and repartition topics, which Kafka Streams creates), each with its name, value serde
 * and how it is created; names are configured as {@code sealtrail.topics.<id>} with the ids in
 * {@link AnomalyConfig#TOPIC_IDS}. Its inputs are declared by the services that write them
 * (custody-stream the violations, ingest the events and rejections), so {@link #settings()} lists
 * only the topics this service declares: local mode creates them from it, and {@code
 * DeployConfigTest} checks {@code deploy/} against it. Every key is a string; the evidence serde is
 * for the internal topics spike hits travel through.
 */
public record AnomalyTopics(
    Topic<Violation> violations,
    Topic<VerifiedEvent> events,
    Topic<RejectedSubmission> rejected,
    Topic<Alert> alerts,
    Topic<AlertCommand> commands,
    Topic<byte[]> deadLetters,
    Serde<Evidence> evidenceSerde,
    Topic<byte[]> auditActions) {
  /** How long commands and dead letters are kept for diagnosis, like custody-stream's. */
  public static final Duration FORENSIC_RETENTION = Duration.ofDays(30);

  /**
   * The settings an input is given here: none of this service's business, since the service that
   * writes it declares it; {@link #settings()} leaves the inputs out.
   */
  private static final TopicSettings DECLARED_BY_WRITER = TopicSettings.forever();

  /**
   * The topics under the names {@code config} gives, with Avro serdes configured from {@code
   * serdeConfig} (at least {@code schema.registry.url}).
   */
  public static AnomalyTopics from(AnomalyConfig config, Map<String, ?> serdeConfig) {
    Map<String, String> names = config.topicNames();
    return new AnomalyTopics(
        // A record of the inputs without a value is a poison pill, as one that is not Avro is.
        new Topic<>(
            Topic.configuredName(names, "violations", "custody.violations"),
            ValueRequired.of(forValues(Violation.class, serdeConfig)),
            DECLARED_BY_WRITER),
        new Topic<>(
            Topic.configuredName(names, "events", "custody.events"),
            ValueRequired.of(forValues(VerifiedEvent.class, serdeConfig)),
            DECLARED_BY_WRITER),
        new Topic<>(
            Topic.configuredName(names, "rejected", "custody.rejected"),
            ValueRequired.of(forValues(RejectedSubmission.class, serdeConfig)),
            DECLARED_BY_WRITER),
        // Compacted: the latest version of every alert stays, so a new consumer rebuilds them all.
        new Topic<>(
            Topic.configuredName(names, "alerts", "custody.alerts"),
            forValues(Alert.class, serdeConfig),
            TopicSettings.latestPerKey()),
        // Operators' acknowledge and resolve commands, each naming its alert (ADR 7).
        new Topic<>(
            Topic.configuredName(names, "alert-commands", "custody.alert-commands"),
            forValues(AlertCommand.class, serdeConfig),
            TopicSettings.kept(FORENSIC_RETENTION)),
        // Unreadable input records, as they came; few, so one partition keeps them in order.
        new Topic<>(
            config.streams().deadLetterTopic(),
            Serdes.ByteArray(),
            TopicSettings.kept(FORENSIC_RETENTION).withPartitions(1)),
        // Spike hits carry their evidence through the cohort repartition topics.
        forValues(Evidence.class, serdeConfig),
        // Who acknowledged, assigned or resolved which alert; the audit sequencer declares it.
        AuditActionsTopic.from(names));
  }

  /** Every topic it reads or writes, inputs first. */
  public List<Topic<?>> all() {
    return List.of(violations, events, rejected, alerts, commands, deadLetters, auditActions);
  }

  /** What this service declares, by name: the topics it writes, with their settings. */
  public Map<String, TopicSettings> settings() {
    return Topic.settingsByName(List.of(alerts, commands, deadLetters));
  }
}
