package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.Comparator;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Checks, per component serial (assemblies re-keyed by {@link ComponentKeys}), that it was built
 * into one device only. It keeps the earliest assembly in event time; an assembly of the component
 * into another device raises COMPONENT_REUSE at once on whichever of the two devices was assembled
 * later, citing the earlier, whatever order they arrive in (so a replay flags the same). The same
 * device assembled with it again (a rework, a retry) is silent.
 */
final class ComponentReuseProcessor implements Processor<String, VerifiedEvent, String, Violation> {
  /** Event time, then serial: two assemblies at the same instant still have one order. */
  private static final Comparator<Observation> EVENT_TIME =
      Comparator.comparing(Observation::occurredAt).thenComparing(Observation::serial);

  private ProcessorContext<String, Violation> context;
  private KeyValueStore<String, VerifiedEvent> assemblies;

  @Override
  public void init(ProcessorContext<String, Violation> context) {
    this.context = context;
    this.assemblies = context.getStateStore(ProvenanceStores.ASSEMBLIES);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (record.value() == null) {
      return;
    }
    String component = record.key();
    Observation assembly = new Observation(record.value());
    VerifiedEvent stored = assemblies.get(component);
    Observation first = stored == null ? null : new Observation(stored);
    if (first == null || EVENT_TIME.compare(assembly, first) < 0) {
      assemblies.put(component, record.value());
    }
    if (first == null || first.serial().equals(assembly.serial())) {
      return;
    }
    boolean later = EVENT_TIME.compare(assembly, first) > 0;
    Observation reuser = later ? assembly : first;
    Observation original = later ? first : assembly;
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    Violation reuse = ProvenanceFindings.reuse(component, reuser, original, now);
    context.forward(new Record<>(reuse.getSerial(), reuse, record.timestamp()));
  }
}
