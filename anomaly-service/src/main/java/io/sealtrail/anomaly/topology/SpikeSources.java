package io.sealtrail.anomaly.topology;

import io.sealtrail.anomaly.AnomalyTopics;
import io.sealtrail.anomaly.spike.AttestationHitProcessor;
import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.anomaly.spike.FlashHits;
import io.sealtrail.anomaly.spike.RejectionHits;
import io.sealtrail.anomaly.spike.SpikeTopology;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.VerifiedEvent;
import java.util.ArrayList;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The spike kinds wired to their inputs: failed attestations per site, station, firmware, lot and
 * supplier (the supplier joined through the lot, co-partitioned by lot in named topics), rejected
 * submissions per partner, key id, site and event type, and firmware flashes per station, operator
 * and product.
 */
final class SpikeSources {
  private SpikeSources() {}

  /**
   * The spike alerts of every kind, and the failed attestations' hits that the attestation spikes
   * count (cohort key → hit), whose serials a spike's storm folds ({@code StormLinks}).
   */
  record Spikes(KStream<String, Alert> alerts, KStream<String, Evidence> attestationHits) {}

  static Spikes define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      AnomalyTopics topics,
      AnomalyRules rules) {
    Spikes attestation = attestationSpikes(builder, events, topics, rules);
    return new Spikes(
        attestation
            .alerts()
            .merge(rejectionSpikes(builder, topics, rules), Named.as("anomaly-spikes"))
            .merge(flashSpikes(builder, events, topics, rules), Named.as("anomaly-all-spikes")),
        attestation.attestationHits());
  }

  private static Spikes attestationSpikes(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      AnomalyTopics topics,
      AnomalyRules rules) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AttestationHitProcessor.STORE),
            Serdes.String(),
            Serdes.ListSerde(ArrayList.class, Serdes.String())));
    // Events are keyed by serial, so a device's facts live in the task that sees its attestations.
    KStream<String, Evidence> hits =
        events.process(
            () -> new AttestationHitProcessor(rules.attestationSpike()),
            Named.as("anomaly-attestation-hits"),
            AttestationHitProcessor.STORE);
    KStream<String, Evidence> counted =
        rules.attestationSpike().counts("lot")
            ? hits
            : hits.filter(
                (cohort, hit) -> !isLot(cohort), Named.as("anomaly-attestation-counted-hits"));
    KStream<String, Evidence> all =
        rules.attestationSpike().counts("supplier")
            ? counted.merge(
                supplierHits(events, hits, topics), Named.as("anomaly-attestation-all-hits"))
            : counted;
    return new Spikes(
        SpikeTopology.define(
            builder,
            all,
            topics.evidenceSerde(),
            topics.alerts().valueSerde(),
            rules.attestationSpikeKind()),
        all);
  }

  // A lot's supplier is on COMPONENT_RECEIVED, keyed by component: both sides move to the lot.
  private static KStream<String, Evidence> supplierHits(
      KStream<String, VerifiedEvent> events, KStream<String, Evidence> hits, AnomalyTopics topics) {
    Serde<Evidence> evidence = topics.evidenceSerde();
    KTable<String, String> suppliers =
        events
            .filter(
                (serial, e) -> e.getEvent().getDetail() instanceof ComponentReceived,
                Named.as("anomaly-components-received"))
            .map(
                (serial, e) -> {
                  ComponentReceived c = (ComponentReceived) e.getEvent().getDetail();
                  return KeyValue.pair(c.getLot(), c.getSupplier());
                },
                Named.as("anomaly-lot-supplier-pairs"))
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.String())
                    .withName("anomaly-lot-suppliers"))
            .toTable(
                Named.as("anomaly-lot-suppliers-table"),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(
                        "anomaly-lot-suppliers-store")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Serdes.String()));
    return hits.filter((cohort, hit) -> isLot(cohort), Named.as("anomaly-lot-hits"))
        .selectKey((cohort, hit) -> Cohort.parse(cohort).value(), Named.as("anomaly-hits-by-lot"))
        .repartition(
            Repartitioned.with(Serdes.String(), evidence).withName("anomaly-attestation-lot-hits"))
        .join(
            suppliers,
            (hit, supplier) -> new KeyValue<>(supplier, hit),
            Joined.<String, Evidence, String>with(Serdes.String(), evidence, Serdes.String())
                .withName("anomaly-lot-hit-suppliers"))
        .map(
            (lot, pair) -> KeyValue.pair(new Cohort("supplier", pair.key).key(), pair.value),
            Named.as("anomaly-supplier-hits"));
  }

  private static boolean isLot(String cohort) {
    return Cohort.parse(cohort).dimension().equals("lot");
  }

  private static KStream<String, Alert> flashSpikes(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      AnomalyTopics topics,
      AnomalyRules rules) {
    KStream<String, Evidence> hits =
        events.process(() -> new FlashHits(rules.flashSpike()), Named.as("anomaly-flash-hits"));
    return SpikeTopology.define(
        builder,
        hits,
        topics.evidenceSerde(),
        topics.alerts().valueSerde(),
        rules.flashSpikeKind());
  }

  private static KStream<String, Alert> rejectionSpikes(
      StreamsBuilder builder, AnomalyTopics topics, AnomalyRules rules) {
    KStream<String, Evidence> hits =
        builder.stream(
                topics.rejected().name(),
                Consumed.with(topics.rejected().keySerde(), topics.rejected().valueSerde())
                    .withName("anomaly-rejected-source"))
            .flatMap(
                (key, r) -> RejectionHits.cohorts(r, rules.rejectionSpike()),
                Named.as("anomaly-rejection-hits"));
    return SpikeTopology.define(
        builder,
        hits,
        topics.evidenceSerde(),
        topics.alerts().valueSerde(),
        rules.rejectionSpikeKind());
  }
}
