package io.sealtrail.custody.lineage;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.process.StepOutput;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Lineage: assemblies and component receipts re-keyed by lot through the named repartition topic
 * {@value #REPARTITION}, so that each lot's devices and supplier live on one partition, with the
 * custody tasks' watermarks after them ({@link LineageWatermarks}); and through {@value #LINKS} an
 * assembly once per serial component (keyed by that serial) and a receipt keyed by its supplier, so
 * that where a sub-assembly is used and a supplier's lots live on one.
 */
public final class LineageTopology {
  public static final String REPARTITION = "custody-lineage-lots";
  public static final String LINKS = "custody-lineage-links";

  private LineageTopology() {}

  /**
   * The receipts and assemblies of {@code events} keyed by lot, not yet re-partitioned. Defined
   * before the custody processor, so that an event's lot facts are written before any watermark the
   * custody processor publishes on processing it ({@link LineageWatermarks}).
   */
  public static KStream<String, VerifiedEvent> lotFacts(KStream<String, VerifiedEvent> events) {
    return events.flatMap(
        (serial, event) -> LotFacts.byLot(event), Named.as("custody-lineage-by-lot"));
  }

  /**
   * Adds lineage: {@code lotFacts} with the custody tasks' watermarks from {@code outcomes},
   * through the lot repartition; returns the re-keyed stream, markers included, for other checks
   * per lot (provenance).
   */
  public static KStream<String, VerifiedEvent> define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      KStream<String, VerifiedEvent> lotFacts,
      KStream<String, StepOutput> outcomes,
      Serde<VerifiedEvent> serde,
      Storage storage) {
    builder.addStateStore(LineageStores.lotDevices(storage));
    builder.addStateStore(LineageStores.lotSuppliers(storage));
    builder.addStateStore(LineageStores.componentParents(storage));
    builder.addStateStore(LineageStores.supplierLots(storage));
    KStream<String, VerifiedEvent> markers =
        outcomes.process(LineageWatermarks.Stamp::new, Named.as("custody-lineage-watermarks"));
    KStream<String, VerifiedEvent> byLot =
        lotFacts
            .merge(markers, Named.as("custody-lineage-lots-and-watermarks"))
            .repartition(
                Repartitioned.with(Serdes.String(), serde)
                    .withName(REPARTITION)
                    .withStreamPartitioner(LineageWatermarks.multicast()));
    byLot.process(
        LineageProcessor::new,
        Named.as("custody-lineage-processor"),
        LineageStores.LOT_DEVICES,
        LineageStores.LOT_SUPPLIERS);
    events
        .flatMap((serial, event) -> LotFacts.byLink(event), Named.as("custody-lineage-by-link"))
        .repartition(Repartitioned.with(Serdes.String(), serde).withName(LINKS))
        .process(
            LinksProcessor::new,
            Named.as("custody-lineage-links-processor"),
            LineageStores.COMPONENT_PARENTS,
            LineageStores.SUPPLIER_LOTS);
    return byLot;
  }
}
