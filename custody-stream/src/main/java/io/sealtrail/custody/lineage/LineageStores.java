package io.sealtrail.custody.lineage;

import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The named persistent stores of lineage: by lot (its devices, its supplier), by component serial
 * (where it is used) and by supplier (its lots).
 */
public final class LineageStores {
  /** Lot, newline, device serial → part number (and component serial) built into the device. */
  public static final String LOT_DEVICES = "custody-lot-devices-store";

  /** Lot → the supplier its components were received from. */
  public static final String LOT_SUPPLIERS = "custody-lot-suppliers-store";

  /**
   * Component serial, newline, serial of the device it was built into → the part number and
   * component serial (as in {@link #LOT_DEVICES}); partitioned by component serial.
   */
  public static final String COMPONENT_PARENTS = "custody-component-parents-store";

  /** Supplier, newline, lot → the lot; partitioned by supplier. */
  public static final String SUPPLIER_LOTS = "custody-supplier-lots-store";

  private LineageStores() {}

  static StoreBuilder<KeyValueStore<String, String>> componentParents(Storage storage) {
    return storage.store(COMPONENT_PARENTS, Serdes.String());
  }

  static StoreBuilder<KeyValueStore<String, String>> supplierLots(Storage storage) {
    return storage.store(SUPPLIER_LOTS, Serdes.String());
  }

  static StoreBuilder<KeyValueStore<String, String>> lotDevices(Storage storage) {
    return storage.store(LOT_DEVICES, Serdes.String());
  }

  static StoreBuilder<KeyValueStore<String, String>> lotSuppliers(Storage storage) {
    return storage.store(LOT_SUPPLIERS, Serdes.String());
  }
}
