package io.sealtrail.custody.shipment;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.DecisionClock;
import io.sealtrail.custody.process.Holding;
import io.sealtrail.custody.process.Idleness;
import io.sealtrail.custody.process.Watermarks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * SHIPMENT_OVERDUE, raised by time: each shipping of a serial (its own event: the container
 * shipped, never what it holds, so one alert per shipment) opens a deadline, its time plus the
 * lane's maximum transit; the serial's receipt of that shipment by the deadline cancels it. What is
 * still open is raised once, when stream time has passed the deadline + grace (a replay decides as
 * its events say, and a receipt up to the grace late still cancels), or, with no traffic, on the
 * wall clock (see {@link ShipmentDeadlines#takeDue}). Shipping and receipt of a serial share its
 * partition, so nothing here waits on another partition.
 */
public final class OverdueProcessor implements Processor<String, VerifiedEvent, String, Violation> {
  private final DetectionRules rules;

  /**
   * How long after a shipping seen already past its deadline (on the wall clock) that deadline may
   * be decided at the earliest ({@code sealtrail.custody.shipment-settle}, default {@link
   * Settles#DEFAULT_SHIPMENT}). Stream time is the partition's, moved by every serial's events: a
   * replay, a backfill or a partner's batch upload (the demo sends four batches at once) can carry
   * it days past a deadline while the receipt, sent moments after its shipping, is still on its
   * way. Live, a shipping is seen before its deadline and is not held back.
   */
  private final Duration settle;

  private final Holding holding;
  private ProcessorContext<String, Violation> context;
  private ShipmentDeadlines deadlines;
  private Watermarks watermarks;
  private Idleness idleness;

  OverdueProcessor(DetectionRules rules, Duration settle) {
    this.rules = rules;
    this.settle = settle;
    this.holding = new Holding(rules.grace(), CustodyProcessor.QUIET);
  }

  @Override
  public void init(ProcessorContext<String, Violation> context) {
    this.context = context;
    this.deadlines =
        new ShipmentDeadlines(
            context.getStateStore(ShipmentDeadlines.DEADLINES),
            context.getStateStore(ShipmentDeadlines.RECEIPTS));
    this.watermarks =
        new Watermarks(context.getStateStore(CustodyStores.RELEASES), context.taskId().partition());
    this.idleness = new Idleness(CustodyProcessor.QUIET, context.currentSystemTimeMs());
    context.schedule(
        CustodyProcessor.RELEASE_INTERVAL,
        PunctuationType.STREAM_TIME,
        streamTime ->
            decide(DecisionClock.ofStreamTime(streamTime, context.currentSystemTimeMs())));
    context.schedule(
        CustodyProcessor.QUIET,
        PunctuationType.WALL_CLOCK_TIME,
        wallTime -> decide(idleness.check(context.currentStreamTimeMs(), wallTime)));
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (record.value() == null) {
      return;
    }
    long seenAt = context.currentSystemTimeMs();
    idleness.processed(seenAt);
    Observation event = new Observation(record.value());
    event.detail(Shipped.class).ifPresent(s -> shipped(event, s, Instant.ofEpochMilli(seenAt)));
    event
        .detail(Received.class)
        .ifPresent(r -> deadlines.received(event.serial(), r.getShipmentId(), event.occurredAt()));
    // What this event's time made due (or a shipping reported after its deadline + grace) is
    // decided now, not at the next punctuation 30 s of stream time on: one range seek per event.
    decide(DecisionClock.ofStreamTime(context.currentStreamTimeMs(), seenAt));
  }

  private void shipped(Observation event, Shipped detail, Instant seenAt) {
    var max = Overdue.maxTransit(rules, event.site(), detail.getToSite());
    deadlines.shipped(
        event.serial(),
        detail.getShipmentId(),
        event.occurredAt().plus(max),
        Overdue.of(event, detail, max, seenAt));
  }

  private void decide(DecisionClock clock) {
    long streamTime = context.currentStreamTimeMs();
    List<Violation> due =
        deadlines.takeDue(
            holding,
            clock,
            watermarks::passedEverywhere,
            deadline -> idleness.wallTimeOf(deadline, streamTime),
            settle);
    long timestamp = streamTime >= 0 ? streamTime : clock.wallTime().toEpochMilli();
    for (Violation overdue : due) {
      Violation raised = Overdue.raisedAt(overdue, clock.wallTime());
      context.forward(new Record<>(raised.getSerial(), raised, timestamp));
    }
  }
}
