package io.sealtrail.custody.inventory;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies firmware deltas to a product's counts per version and image (in all and per phase) and
 * its device lists.
 */
final class InventoryProcessor implements Processor<String, FirmwareDelta, Void, Void> {
  private KeyValueStore<String, Long> counts;
  private KeyValueStore<String, String> devices;
  private KeyValueStore<String, Long> phases;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    counts = context.getStateStore(InventoryStores.COUNTS);
    devices = context.getStateStore(InventoryStores.DEVICES);
    phases = context.getStateStore(InventoryStores.PHASES);
  }

  @Override
  public void process(Record<String, FirmwareDelta> record) {
    FirmwareDelta delta = record.value();
    String countKey =
        FirmwareInventory.countKey(delta.product(), delta.version(), delta.imageSha256());
    add(counts, countKey, delta.change());
    if (delta.phase() != null) {
      add(phases, FirmwareInventory.phaseKey(countKey, delta.phase()), delta.change());
    }
    String deviceKey =
        FirmwareInventory.deviceKey(delta.product(), delta.imageSha256(), delta.serial());
    if (delta.change() > 0) {
      devices.put(deviceKey, delta.version());
    } else {
      devices.delete(deviceKey);
    }
  }

  private static void add(KeyValueStore<String, Long> store, String key, int change) {
    Long before = store.get(key);
    long count = (before == null ? 0L : before) + change;
    if (count > 0) {
      store.put(key, count);
    } else {
      store.delete(key);
    }
  }
}
