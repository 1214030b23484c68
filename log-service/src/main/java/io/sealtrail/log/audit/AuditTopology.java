package io.sealtrail.log.audit;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.log.LogTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The audit chain's part of the log service's topology: {@code custody.audit.actions} (read
 * committed, one partition, so one task reads it in its one order) → the {@link AuditChainer} →
 * {@code custody.audit} (Avro {@link AuditRecord}), actions that are not entries → the dead-letter
 * topic. No repartition is needed: the input already has one partition, and the chainer refuses to
 * run on any other.
 */
public final class AuditTopology {
  private AuditTopology() {}

  /** Adds the chain to {@code builder}. */
  public static void addTo(StreamsBuilder builder, LogTopics topics) {
    builder.addStateStore(AuditStore.builder());
    KStream<String, AuditOutput> chained =
        builder.stream(
                topics.auditActions().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("audit-actions-source"))
            .process(AuditChainer::new, Named.as("audit-chainer"), AuditStore.NAME);
    chained
        .split(Named.as("audit-chained-"))
        .branch(
            (key, out) -> out instanceof AuditOutput.Chained,
            Branched.withConsumer(
                records ->
                    records
                        .mapValues(
                            out -> ((AuditOutput.Chained) out).record(), Named.as("audit-record"))
                        .to(
                            topics.audit().name(),
                            Produced.with(topics.audit().keySerde(), topics.audit().valueSerde())
                                .withName("audit-sink")),
                "records"))
        .defaultBranch(
            Branched.withConsumer(
                refused ->
                    refused
                        .mapValues(
                            out -> ((AuditOutput.DeadLetter) out).bytes(),
                            Named.as("audit-dead-letter"))
                        .to(
                            topics.deadLetter().name(),
                            Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("audit-dead-letter-sink")),
                "dead-letters"));
  }
}
