package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.detect.Awaiting;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * When a decision that late events could change is taken: a held violation, or an event judged
 * against the serial as it was when it happened.
 *
 * <p>In event time, once stream time has passed the event's time plus the grace: every event that
 * happened before it (or, for what a later event clears, within the grace after it) has then
 * arrived, whatever order they arrived in. This is how a replay or backfill decides: its events
 * carry stream time forward whatever the wall clock says, so it decides exactly as the events say.
 *
 * <p>On the wall clock, when no traffic moves stream time: once the task has processed nothing new
 * for {@code quiet}, what was seen {@code grace + quiet} ago is decided. In live operation a held
 * decision is then taken at most grace + quiet (plus one check interval) after it was seen, even if
 * nothing else arrives anywhere.
 *
 * <p>What another partition's event clears (a release, for a flash) also waits until every other
 * partition's watermark ({@link Watermarks}) has passed the event's time plus the grace, or that
 * partition has nothing left to process: a partition trailing this one can never make it final.
 *
 * @param grace how late an event may arrive, in event time
 * @param quiet how long a task must have processed nothing before the wall clock decides
 */
public record Holding(Duration grace, Duration quiet) {
  /**
   * True when a decision about an event of {@code occurredAt}, held since {@code heldSince} on the
   * wall clock, is due: {@code window} after it in event time, or grace + quiet after it was held
   * on the wall clock once the task is idle.
   */
  public boolean due(Instant occurredAt, Instant heldSince, Duration window, DecisionClock clock) {
    boolean inEventTime = !occurredAt.plus(window).isAfter(clock.streamTime());
    boolean onWallClock =
        clock.idle() && !heldSince.plus(grace).plus(quiet).isAfter(clock.wallTime());
    return inEventTime || onWallClock;
  }

  /**
   * True when the held {@code violation} is due; {@code elsewhere} says whether every other
   * partition has passed a time.
   */
  boolean due(Violation violation, DecisionClock clock, Predicate<Instant> elsewhere) {
    Awaiting awaiting = Awaiting.from(violation.getAttributes());
    boolean settled =
        !awaiting.metElsewhere() || elsewhere.test(violation.getOccurredAt().plus(grace));
    // Held from its judgement in event-time order, itself a grace after the event.
    Duration window = awaiting.looksAhead() ? grace.multipliedBy(2) : grace;
    return settled && due(violation.getOccurredAt(), violation.getDetectedAt(), window, clock);
  }

  /**
   * True when {@code event} may clear the held {@code violation}: any event, or for what looks
   * ahead only one within the grace after the violation's event.
   */
  boolean mayClear(Violation violation, Instant eventTime) {
    if (!Awaiting.from(violation.getAttributes()).looksAhead()) {
      return true;
    }
    Instant from = violation.getOccurredAt();
    return eventTime.isAfter(from) && !eventTime.isAfter(from.plus(grace));
  }
}
