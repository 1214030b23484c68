package io.sealtrail.custody.inventory;

import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Firmware inventory: each change of a device's installed image, as deltas re-keyed by product
 * through the named repartition topic {@value #REPARTITION}, counted per version and image.
 */
public final class InventoryTopology {
  public static final String REPARTITION = "custody-firmware-by-product";

  private InventoryTopology() {}

  public static void define(
      StreamsBuilder builder, KStream<String, FirmwareDelta> deltas, Storage storage) {
    builder.addStateStore(InventoryStores.counts(storage));
    builder.addStateStore(InventoryStores.devices(storage));
    builder.addStateStore(InventoryStores.phases(storage));
    deltas
        .repartition(
            Repartitioned.with(Serdes.String(), FirmwareDelta.serde()).withName(REPARTITION))
        .process(
            InventoryProcessor::new,
            Named.as("custody-firmware-inventory-processor"),
            InventoryStores.COUNTS,
            InventoryStores.DEVICES,
            InventoryStores.PHASES);
  }
}
