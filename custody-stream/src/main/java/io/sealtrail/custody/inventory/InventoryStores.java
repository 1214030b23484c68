package io.sealtrail.custody.inventory;

import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** The named persistent stores of the firmware inventory, partitioned by product. */
public final class InventoryStores {
  /** Product, version, image (newline-separated) → how many devices run it. */
  public static final String COUNTS = "custody-firmware-inventory-store";

  /** Product, image, serial (newline-separated) → the version the device runs. */
  public static final String DEVICES = "custody-firmware-devices-store";

  /** Product, version, image, {@link FirmwarePhase} (newline-separated) → how many devices. */
  public static final String PHASES = "custody-firmware-phases-store";

  private InventoryStores() {}

  static StoreBuilder<KeyValueStore<String, Long>> phases(Storage storage) {
    return storage.store(PHASES, Serdes.Long());
  }

  static StoreBuilder<KeyValueStore<String, Long>> counts(Storage storage) {
    return storage.store(COUNTS, Serdes.Long());
  }

  static StoreBuilder<KeyValueStore<String, String>> devices(Storage storage) {
    return storage.store(DEVICES, Serdes.String());
  }
}
