package io.sealtrail.custody.inventory;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies firmware deltas to a product's counts per version and image and its device lists. */
final class InventoryProcessor implements Processor<String, FirmwareDelta, Void, Void> {
  private KeyValueStore<String, Long> counts;
  private KeyValueStore<String, String> devices;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    counts = context.getStateStore(InventoryStores.COUNTS);
    devices = context.getStateStore(InventoryStores.DEVICES);
  }

  @Override
  public void process(Record<String, FirmwareDelta> record) {
    FirmwareDelta delta = record.value();
    String countKey =
        FirmwareInventory.countKey(delta.product(), delta.version(), delta.imageSha256());
    long count = (counts.get(countKey) == null ? 0L : counts.get(countKey)) + delta.change();
    if (count > 0) {
      counts.put(countKey, count);
    } else {
      counts.delete(countKey);
    }
    String deviceKey =
        FirmwareInventory.deviceKey(delta.product(), delta.imageSha256(), delta.serial());
    if (delta.change() > 0) {
      devices.put(deviceKey, delta.version());
    } else {
      devices.delete(deviceKey);
    }
  }
}
