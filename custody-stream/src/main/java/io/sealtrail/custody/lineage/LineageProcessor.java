package io.sealtrail.custody.lineage;

import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Records, per lot, every device built with it and the supplier its components came from. */
final class LineageProcessor implements Processor<String, VerifiedEvent, Void, Void> {
  private KeyValueStore<String, String> lotDevices;
  private KeyValueStore<String, String> lotSuppliers;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    lotDevices = context.getStateStore(LineageStores.LOT_DEVICES);
    lotSuppliers = context.getStateStore(LineageStores.LOT_SUPPLIERS);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (LineageWatermarks.isMarker(record)) {
      return; // a custody task's progress, for provenance
    }
    String lot = record.key();
    Observation event = new Observation(record.value());
    event
        .detail(Assembled.class)
        .ifPresent(
            a -> lotDevices.put(LotTrace.key(lot, event.serial()), LotFacts.partsFrom(lot, a)));
    event.detail(ComponentReceived.class).ifPresent(r -> lotSuppliers.put(lot, r.getSupplier()));
  }
}
