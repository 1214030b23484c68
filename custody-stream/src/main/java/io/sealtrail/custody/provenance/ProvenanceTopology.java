package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.process.Storage;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Component provenance at assembly, judged where the facts about a lot or a component serial meet:
 * the lineage stream, already re-keyed by lot, for UNVERIFIED_COMPONENT (a lot assembled before it
 * was received), and assemblies re-keyed by component serial through the named repartition topic
 * {@value #REPARTITION} for COMPONENT_REUSE (one component serial in two devices); both to {@code
 * custody.violations}. UNAPPROVED_SUPPLIER needs only the receipt, so the custody processor's
 * catalogue judges it.
 */
public final class ProvenanceTopology {
  static final String REPARTITION = "custody-provenance-components";

  private ProvenanceTopology() {}

  public static void define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      KStream<String, VerifiedEvent> byLot,
      CustodyTopics topics,
      DetectionRules rules,
      Duration settle,
      Storage storage) {
    ProvenanceStores.addTo(builder, topics, storage);
    KStream<String, Violation> unverified =
        byLot.process(
            () -> new LotReceiptProcessor(rules.grace(), settle),
            Named.as("custody-provenance-lots-processor"),
            ProvenanceStores.RECEIPTS,
            ProvenanceStores.UNVERIFIED,
            ProvenanceStores.WATERMARKS);
    KStream<String, Violation> reused =
        events
            .flatMap(
                (serial, event) -> ComponentKeys.byComponent(event),
                Named.as("custody-provenance-by-component"))
            .repartition(
                Repartitioned.with(topics.events().keySerde(), topics.events().valueSerde())
                    .withName(REPARTITION))
            .process(
                ComponentReuseProcessor::new,
                Named.as("custody-provenance-components-processor"),
                ProvenanceStores.ASSEMBLIES);
    unverified
        .merge(reused, Named.as("custody-provenance-violations"))
        .to(
            topics.violations().name(),
            Produced.with(topics.violations().keySerde(), topics.violations().valueSerde())
                .withName("custody-provenance-violations-sink"));
  }
}
