package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.Holding;
import io.sealtrail.custody.process.QuietClock;
import io.sealtrail.custody.process.Watermarks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Checks, per lot (assemblies and receipts re-keyed by lineage), that every lot an assembly names
 * was received before it in event time. An assembly with no such receipt yet is held like the
 * custody processor's held findings ({@link Holding}): a receipt reported late, within the grace,
 * that happened no later than the assembly clears it; otherwise UNVERIFIED_COMPONENT is raised once
 * stream time has passed the assembly + grace, or, with no traffic, grace + quiet after it was held
 * on the wall clock, or once this task is idle and every custody task's progress ({@link
 * Watermarks}) shows event time past the assembly + grace everywhere: the custody tasks write what
 * they re-key by lot in the transaction that publishes their progress, so nothing before it is
 * still to come.
 */
final class LotReceiptProcessor implements Processor<String, VerifiedEvent, String, Violation> {
  private final Holding holding;
  private ProcessorContext<String, Violation> context;
  private KeyValueStore<String, VerifiedEvent> receipts;
  private HeldAssemblies held;
  private QuietClock clock;
  private Watermarks progress;

  LotReceiptProcessor(Duration grace) {
    this.holding = new Holding(grace, CustodyProcessor.QUIET);
  }

  @Override
  public void init(ProcessorContext<String, Violation> context) {
    this.context = context;
    this.receipts = context.getStateStore(ProvenanceStores.RECEIPTS);
    this.held = new HeldAssemblies(context.getStateStore(ProvenanceStores.UNVERIFIED));
    this.progress = Watermarks.ofAll(context.getStateStore(CustodyStores.RELEASES));
    this.clock =
        QuietClock.schedule(
            context, now -> raise(held.releaseDue(holding, now, progress::passedEverywhere)));
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (record.value() == null) {
      return;
    }
    clock.progressed();
    String lot = record.key();
    Observation event = new Observation(record.value());
    if (event.detail(ComponentReceived.class).isPresent()) {
      received(lot, record.value());
    }
    event.detail(Assembled.class).ifPresent(a -> assembled(lot, event, a));
    // Stream time may already be past this lot's held assemblies' grace (other lots moved it on).
    raise(held.releaseDue(lot, holding, clock.now(), progress::passedEverywhere));
  }

  private void received(String lot, VerifiedEvent receipt) {
    Instant at = receipt.getEvent().getOccurredAt();
    VerifiedEvent first = receipts.get(lot);
    if (first == null || at.isBefore(first.getEvent().getOccurredAt())) {
      receipts.put(lot, receipt);
    }
    held.receive(lot, at);
  }

  private void assembled(String lot, Observation assembly, Assembled detail) {
    VerifiedEvent receipt = receipts.get(lot);
    if (receipt != null && !receipt.getEvent().getOccurredAt().isAfter(assembly.occurredAt())) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    held.hold(lot, ProvenanceFindings.unverified(lot, assembly, detail, now));
  }

  private void raise(List<KeyValue<String, Violation>> due) {
    long timestamp = clock.timestamp();
    for (KeyValue<String, Violation> entry : due) {
      Optional<Observation> receipt =
          Optional.ofNullable(receipts.get(HeldAssemblies.lotOf(entry.key))).map(Observation::new);
      Violation violation = ProvenanceFindings.receivedOnlyAfter(entry.value, receipt);
      context.forward(new Record<>(violation.getSerial(), violation, timestamp));
    }
  }
}
