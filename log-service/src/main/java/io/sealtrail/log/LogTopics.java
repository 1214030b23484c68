package io.sealtrail.log;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.log.sequence.RequiredValue;
import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The log service's topics. It reads {@code custody.events} (ingest's, which creates it) and writes
 * three of its own, each one partition so that a reader sees them in log order: the entries ({@code
 * custody.log}, key the decimal index, value the entry JSON), the signed checkpoints ({@code
 * custody.log.checkpoints}, key the origin, value the signed note), both kept forever, and the
 * dead-letter topic of unreadable input. The single-partition sequencing topic is Kafka Streams'
 * own repartition topic ({@code <application.id>-log-sequence-repartition}). The audit chain too:
 * it reads every service's audit entries ({@code custody.audit.actions}, JSON, one partition) and
 * writes them chained to {@code custody.audit} (Avro {@code AuditRecord}, one partition, kept
 * forever, never compacted).
 */
public record LogTopics(
    Topic<VerifiedEvent> events,
    Topic<String> log,
    Topic<String> checkpoints,
    Topic<byte[]> deadLetter,
    Topic<byte[]> auditActions,
    Topic<AuditRecord> audit) {

  public static LogTopics from(LogConfig config, Map<String, ?> serdeConfig) {
    SpecificAvroSerde<VerifiedEvent> events = new SpecificAvroSerde<>(VerifiedEvent.class);
    events.configure(serdeConfig, false);
    SpecificAvroSerde<AuditRecord> audit = new SpecificAvroSerde<>(AuditRecord.class);
    audit.configure(serdeConfig, false);
    LogConfig.TopicNames names = config.topics();
    TopicSettings ordered = TopicSettings.forever().withPartitions(1);
    return new LogTopics(
        // A tombstone on the events is unreadable input, as a record that is not Avro is.
        new Topic<>(names.events(), RequiredValue.of(events), TopicSettings.forever()),
        new Topic<>(names.log(), Serdes.String(), ordered),
        new Topic<>(names.checkpoints(), Serdes.String(), ordered),
        // Kept 30 days for diagnosis, like the other services' dead letters.
        new Topic<>(
            names.deadLetter(),
            Serdes.ByteArray(),
            TopicSettings.kept(Duration.ofDays(30)).withPartitions(1)),
        // Every service's writers declare it alike; the chainer reads it in its one order.
        AuditActionsTopic.from(Map.of()).renamed(names.auditActions()),
        // The audit chain: one partition (one order), never compacted, never deleted.
        new Topic<>(names.audit(), audit, ordered));
  }

  /** Every topic the service uses; {@link #settings()} those it owns and must be created. */
  public List<Topic<?>> all() {
    return List.of(events, log, checkpoints, deadLetter, auditActions, audit);
  }

  /**
   * The topics this service writes, to create before it starts (ingest creates the events); the
   * audit entries too, which it reads and every acting service writes: whoever starts first creates
   * them.
   */
  public List<Topic<?>> settings() {
    return List.of(log, checkpoints, deadLetter, auditActions, audit);
  }

  /** The requests to create {@link #settings()} with {@code replicationFactor}. */
  public List<NewTopic> newTopics(short replicationFactor) {
    return settings().stream().map(t -> t.newTopic(1, replicationFactor)).toList();
  }
}
