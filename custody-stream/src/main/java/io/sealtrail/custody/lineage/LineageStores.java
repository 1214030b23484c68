package io.sealtrail.custody.lineage;

import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** The named persistent stores of lineage, partitioned by lot. */
public final class LineageStores {
  /** Lot, newline, device serial → part number (and component serial) built into the device. */
  public static final String LOT_DEVICES = "custody-lot-devices-store";

  /** Lot → the supplier its components were received from. */
  public static final String LOT_SUPPLIERS = "custody-lot-suppliers-store";

  private LineageStores() {}

  static StoreBuilder<KeyValueStore<String, String>> lotDevices(Storage storage) {
    return storage.store(LOT_DEVICES, Serdes.String());
  }

  static StoreBuilder<KeyValueStore<String, String>> lotSuppliers(Storage storage) {
    return storage.store(LOT_SUPPLIERS, Serdes.String());
  }
}
