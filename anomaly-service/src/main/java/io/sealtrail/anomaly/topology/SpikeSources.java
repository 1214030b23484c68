package io.sealtrail.anomaly.topology;

import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.spike.AttestationHits;
import io.sealtrail.anomaly.spike.RejectionHits;
import io.sealtrail.anomaly.spike.SpikeTopology;
import io.sealtrail.avro.event.VerifiedEvent;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** The spike kinds wired to their inputs: failed attestations and rejected submissions. */
final class SpikeSources {
  private SpikeSources() {}

  static KStream<String, Occurrence> define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      Topics topics,
      AnomalyRules rules) {
    return attestationSpikes(builder, events, rules)
        .merge(rejectionSpikes(builder, topics, rules), Named.as("anomaly-spikes"));
  }

  private static KStream<String, Occurrence> attestationSpikes(
      StreamsBuilder builder, KStream<String, VerifiedEvent> events, AnomalyRules rules) {
    KStream<String, String> hits =
        events
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
}
