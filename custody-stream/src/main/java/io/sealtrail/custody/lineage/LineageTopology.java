package io.sealtrail.custody.lineage;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Lineage: assemblies and component receipts re-keyed by lot through the named repartition topic
 * {@value #REPARTITION}, so that each lot's devices and supplier live on one partition.
 */
public final class LineageTopology {
  public static final String REPARTITION = "custody-lineage-lots";

  private LineageTopology() {}

  /** Adds lineage; returns the re-keyed stream, for other checks per lot (provenance). */
  public static KStream<String, VerifiedEvent> define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      Serde<VerifiedEvent> serde,
      Storage storage) {
    builder.addStateStore(LineageStores.lotDevices(storage));
    builder.addStateStore(LineageStores.lotSuppliers(storage));
    KStream<String, VerifiedEvent> byLot =
        events
            .flatMap((serial, event) -> LotFacts.byLot(event), Named.as("custody-lineage-by-lot"))
            .repartition(Repartitioned.with(Serdes.String(), serde).withName(REPARTITION));
    byLot.process(
        LineageProcessor::new,
        Named.as("custody-lineage-processor"),
        LineageStores.LOT_DEVICES,
        LineageStores.LOT_SUPPLIERS);
    return byLot;
  }
}
