package io.sealtrail.log.sequence;

import io.sealtrail.log.LogTopics;
import io.sealtrail.log.audit.AuditTopology;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.translog.note.NoteSigner;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * {@code custody.events} (read committed) → each event's canonical leaf → the one-partition
 * sequencing topic ({@value #SEQUENCE}) → the {@link Sequencer}, the log's single writer → entries
 * on {@code custody.log} and signed checkpoints on {@code custody.log.checkpoints}. Exactly once
 * end to end: an event's leaf reaches the sequencing topic in the transaction that consumes it, and
 * is appended, stored and published in the transaction that consumes it there. The same application
 * chains the audit log ({@link AuditTopology}), a sub-topology of its own.
 */
public final class LogTopology {
  /** The repartition topic's name: {@code <application.id>-log-sequence-repartition}. */
  public static final String SEQUENCE = "log-sequence";

  private LogTopology() {}

  /**
   * @param signer the log's key; its name is the checkpoints' origin
   * @param interval how often, on the wall clock, a grown tree is signed
   */
  public static Topology build(LogTopics topics, NoteSigner signer, Duration interval) {
    StreamsBuilder builder = new StreamsBuilder();
    LogStores.builders().forEach(builder::addStateStore);
    KStream<String, LogOutput> published =
        builder.stream(
                topics.events().name(),
                Consumed.with(topics.events().keySerde(), topics.events().valueSerde())
                    .withName("log-events-source"))
            .mapValues(event -> AcceptedLeaves.of(event).encode(), Named.as("log-leaf"))
            .repartition(
                Repartitioned.<String, byte[]>as(SEQUENCE)
                    .withNumberOfPartitions(1)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Serdes.ByteArray()))
            .process(
                () -> new Sequencer(signer.verifierKey().name(), signer, interval),
                Named.as("log-sequencer"),
                LogStores.names().toArray(String[]::new));
    published
        .split(Named.as("log-published-"))
        .branch(
            (key, out) -> out instanceof LogOutput.Entry,
            Branched.withConsumer(entries -> publish(entries, topics.log(), "entry"), "entries"))
        .defaultBranch(
            Branched.withConsumer(
                signed -> publish(signed, topics.checkpoints(), "checkpoint"), "checkpoints"));
    AuditTopology.addTo(builder, topics);
    return builder.build();
  }

  private static void publish(KStream<String, LogOutput> out, Topic<String> topic, String kind) {
    out.mapValues(LogOutput::text, Named.as("log-" + kind + "-text"))
        .to(
            topic.name(),
            Produced.with(topic.keySerde(), topic.valueSerde()).withName("log-" + kind + "-sink"));
  }
}
