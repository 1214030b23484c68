package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.lineage.LineageWatermarks;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.DecisionClock;
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
 * was received before it in event time. An assembly with no such receipt yet is held: a receipt
 * reported late, within the grace, that happened no later than the assembly clears it; otherwise
 * UNVERIFIED_COMPONENT is raised once it is due ({@link #due}).
 *
 * <p>This task reads a repartition topic that every custody task writes to, so its own stream time
 * is not a bound on what is still to come: a custody task trailing the others may still send the
 * receipt after other tasks' later assemblies moved this one's stream time past the grace (the
 * demo's first run raised every device of a lot whose receipt's task trailed). So a decision in
 * event time also waits until every custody task's watermark ({@link Watermarks}) has passed the
 * assembly + grace, or that task has nothing left to process. Those watermarks are read from this
 * task's own input, where each custody task sends them after what it re-keyed before them ({@link
 * LineageWatermarks}): read from the global releases store instead, they ran ahead of a receipt
 * still waiting in this task's input whenever this task lagged its input by more than the settle.
 */
final class LotReceiptProcessor implements Processor<String, VerifiedEvent, String, Violation> {
  private static final Duration QUIET = CustodyProcessor.QUIET;
  private final Duration grace;

  /**
   * How long, on the wall clock, an assembly naming a lot not yet received is held at least before
   * event time may decide it ({@code sealtrail.custody.provenance-settle}, default {@link
   * Settles#DEFAULT_PROVENANCE}). A producer's events about other serials, on other partitions, may
   * reach this task that much later than their order says, which no watermark sees. Live, the grace
   * in event time is longer; a replay decides this much later, not otherwise.
   */
  private final Duration settle;

  private ProcessorContext<String, Violation> context;
  private KeyValueStore<String, VerifiedEvent> receipts;
  private HeldAssemblies held;
  private QuietClock clock;
  private KeyValueStore<String, byte[]> watermarks;
  private Watermarks progress;

  LotReceiptProcessor(Duration grace, Duration settle) {
    this.grace = grace;
    this.settle = settle;
  }

  @Override
  public void init(ProcessorContext<String, Violation> context) {
    this.context = context;
    this.receipts = context.getStateStore(ProvenanceStores.RECEIPTS);
    this.held = new HeldAssemblies(context.getStateStore(ProvenanceStores.UNVERIFIED));
    this.watermarks = context.getStateStore(ProvenanceStores.WATERMARKS);
    this.progress = Watermarks.ofAll(watermarks);
    this.clock = QuietClock.schedule(context, now -> raise(held.releaseDue(v -> due(v, now))));
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (LineageWatermarks.isMarker(record)) {
      // A custody task's progress, not lot traffic: it moves no clock; what it makes due is
      // decided by the next event or the wall-clock check.
      LineageWatermarks.keep(record, watermarks);
      return;
    }
    clock.progressed();
    String lot = record.key();
    Observation event = new Observation(record.value());
    if (event.detail(ComponentReceived.class).isPresent()) {
      received(lot, record.value());
    }
    event.detail(Assembled.class).ifPresent(a -> assembled(lot, event, a));
    DecisionClock now = clock.now();
    // Only an assembly whose grace this task's stream time has passed can be due here (the task
    // is not idle while it processes): later ones are left unread, so each event costs the lot's
    // decidable assemblies, not all it holds. The wall-clock punctuation still reads them all.
    Instant decidable = now.idle() ? Instant.MAX : now.streamTime().minus(grace);
    raise(held.releaseDue(lot, decidable, v -> due(v, now)));
  }

  /**
   * True when the held assembly {@code unverified} is decided. In event time once every custody
   * task has passed its time + grace (or is idle), and then either this task's stream time has
   * passed it too and it was held for {@link CustodyProcessor#QUIET} on the wall clock (what those
   * tasks wrote has reached this one), or this task is idle and event time has passed it
   * everywhere. On the wall clock, as every held decision ({@code Holding}), once this task is idle
   * and it was held grace + QUIET: a receipt later than that was later than the grace.
   */
  private boolean due(Violation unverified, DecisionClock clock) {
    Instant until = unverified.getOccurredAt().plus(grace);
    Instant heldSince = unverified.getDetectedAt();
    boolean settled = progress.settled(heldSince, settle, clock.wallTime());
    boolean inEventTime =
        settled && !until.isAfter(clock.streamTime()) && progress.othersPassed(until);
    boolean everywhere = settled && clock.idle() && progress.passedEverywhere(until);
    boolean onWallClock =
        clock.idle() && !heldSince.plus(grace).plus(QUIET).isAfter(clock.wallTime());
    return inEventTime || everywhere || onWallClock;
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
