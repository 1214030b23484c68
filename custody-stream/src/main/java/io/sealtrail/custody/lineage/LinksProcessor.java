package io.sealtrail.custody.lineage;

import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Records, per component serial, every device it was built into (a sub-assembly is a device too),
 * and per supplier every lot received from it. The key says which: an assembly arrives keyed by one
 * of its component serials, a receipt keyed by its supplier.
 */
final class LinksProcessor implements Processor<String, VerifiedEvent, Void, Void> {
  private KeyValueStore<String, String> componentParents;
  private KeyValueStore<String, String> supplierLots;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    componentParents = context.getStateStore(LineageStores.COMPONENT_PARENTS);
    supplierLots = context.getStateStore(LineageStores.SUPPLIER_LOTS);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    String key = record.key();
    Observation event = new Observation(record.value());
    event
        .detail(Assembled.class)
        .ifPresent(
            a -> {
              componentParents.put(
                  Lineage.key(key, event.serial()), LotFacts.partsOfSerial(key, a));
              // A point key marks a serial that is used somewhere: a trace asks this of every
              // device it lists, and most are used nowhere, so a bloom-filtered get answers it.
              componentParents.put(key, "");
            });
    event
        .detail(ComponentReceived.class)
        .ifPresent(r -> supplierLots.put(Lineage.key(key, r.getLot()), r.getLot()));
  }
}
