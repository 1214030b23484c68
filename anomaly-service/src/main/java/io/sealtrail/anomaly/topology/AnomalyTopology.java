package io.sealtrail.anomaly.topology;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.AlertStores;
import io.sealtrail.anomaly.alert.IncidentProcessor;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.spike.AttestationHits;
import io.sealtrail.anomaly.spike.RejectionHits;
import io.sealtrail.anomaly.spike.SpikeTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The anomaly topology: custody violations and spikes in failed attestations and rejections, folded
 * into alerts in named alert stores and published keyed by alert id. Pure: it only adds named nodes
 * to the builder.
 */
public final class AnomalyTopology {
  private AnomalyTopology() {}

  public static void define(StreamsBuilder builder, Topics topics, AnomalyRules rules) {
    // Every violation's subject is its serial, the record key, so incidents need no repartition.
    KStream<String, Occurrence> violations =
        builder.stream(
                topics.violations().name(),
                Consumed.with(topics.violations().keySerde(), topics.violations().valueSerde())
                    .withName("anomaly-violations-source"))
            .mapValues(Occurrence::of, Named.as("anomaly-violation-occurrences"));
    publish(builder, violations, AlertStores.VIOLATIONS, rules.alerts(), topics, "violation");
    KStream<String, Occurrence> spikes =
        attestationSpikes(builder, topics, rules)
            .merge(rejectionSpikes(builder, topics, rules), Named.as("anomaly-spikes"));
    publish(builder, spikes, AlertStores.SPIKES, rules.alerts(), topics, "spike");
  }

  private static KStream<String, Occurrence> attestationSpikes(
      StreamsBuilder builder, Topics topics, AnomalyRules rules) {
    KStream<String, String> hits =
        builder.stream(
                topics.events().name(),
                Consumed.with(topics.events().keySerde(), topics.events().valueSerde())
                    .withName("anomaly-events-source"))
            .filter(
                (serial, e) -> AttestationHits.isFailure(e),
                Named.as("anomaly-failed-attestations"))
            .map((serial, e) -> AttestationHits.cohort(e), Named.as("anomaly-attestation-hits"));
    return SpikeTopology.define(builder, hits, rules.attestationSpikeKind());
  }

  private static KStream<String, Occurrence> rejectionSpikes(
      StreamsBuilder builder, Topics topics, AnomalyRules rules) {
    KStream<String, String> hits =
        builder.stream(
                topics.rejected().name(),
                Consumed.with(topics.rejected().keySerde(), topics.rejected().valueSerde())
                    .withName("anomaly-rejected-source"))
            .filter(
                (key, r) -> RejectionHits.isAttributable(r),
                Named.as("anomaly-attributable-rejections"))
            .map((key, r) -> RejectionHits.cohort(r), Named.as("anomaly-rejection-hits"));
    return SpikeTopology.define(builder, hits, rules.rejectionSpikeKind());
  }

  private static void publish(
      StreamsBuilder builder,
      KStream<String, Occurrence> occurrences,
      AlertStores stores,
      AlertRules rules,
      Topics topics,
      String name) {
    builder.addStateStore(stores.alertStore(topics.alerts().valueSerde()));
    builder.addStateStore(stores.openIncidentStore());
    occurrences
        .process(
            () -> new IncidentProcessor(rules, stores),
            Named.as("anomaly-" + name + "-incidents"),
            stores.alerts(),
            stores.openIncidents())
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("anomaly-" + name + "-alerts-sink"));
  }
}
