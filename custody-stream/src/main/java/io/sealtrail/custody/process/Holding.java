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
 * <p>Across partitions, once the task is idle: when every other partition has processed past the
 * event's time plus the window (or has nothing left to process) and some partition has processed
 * that far ({@link Watermarks#passedEverywhere}). A serial's partition may see no later event for
 * hours while the others move on; event time has then passed the grace everywhere, and an idle task
 * has nothing of its own left that could come before. Without this, such a serial's decision waited
 * grace + quiet on the wall clock whatever the other partitions showed. While everything is caught
 * up, event time is taken to run on with the wall clock from the furthest frontier for as long as
 * this task has been quiet ({@link Watermarks#passedEverywhere(Instant, Duration)}): the last
 * events of a live burst are decided a grace after the latest event anywhere, not a grace after
 * they were seen; a replay that pauses far behind the wall clock runs on from where it stopped, so
 * it does not decide its recent events at once.
 *
 * <p>What another partition's event clears (a release, for a flash) also waits until every other
 * partition's watermark ({@link Watermarks}) has passed the event's time plus the grace, or that
 * partition has nothing left to process: a partition trailing this one can never make it final. And
 * it is held {@code elsewhere} on the wall clock at least: a partition with nothing left to process
 * may still be sent what a producer reported before the event (ingest writes a batch in no
 * particular order), so its watermark alone would decide a flash before its withdrawal arrived.
 *
 * <p>What another partner's report of the same serial clears (a birth, for a serial first seen in a
 * container) is held {@code reported} on the wall clock at least: ingest keeps each partner's
 * order, not the order of two partners' events sent together, so the other partner's event may
 * reach this partition after events carrying stream time past the grace.
 *
 * @param grace how late an event may arrive, in event time
 * @param quiet how long a task must have processed nothing before the wall clock decides
 * @param elsewhere how long what another partition's event clears is held on the wall clock at
 *     least ({@link io.sealtrail.custody.detect.Settles#release})
 * @param reported how long what another partner's report clears is held on the wall clock at least
 *     ({@link io.sealtrail.custody.detect.Settles#report})
 */
public record Holding(Duration grace, Duration quiet, Duration elsewhere, Duration reported) {
  /** Holding for decisions that no other partition's event or partner's report clears. */
  public Holding(Duration grace, Duration quiet) {
    this(grace, quiet, Duration.ZERO, Duration.ZERO);
  }

  /**
   * True when a decision about an event of {@code occurredAt}, held since {@code heldSince} on the
   * wall clock, is due: {@code window} after it in event time, or grace + quiet after it was held
   * on the wall clock once the task is idle.
   */
  public boolean due(Instant occurredAt, Instant heldSince, Duration window, DecisionClock clock) {
    return due(occurredAt, heldSince, window, clock, time -> false);
  }

  /**
   * As {@link #due(Instant, Instant, Duration, DecisionClock)}, and also once the task is idle and
   * {@code everywhere} says every partition's event time has passed the event's time plus {@code
   * window}.
   */
  public boolean due(
      Instant occurredAt,
      Instant heldSince,
      Duration window,
      DecisionClock clock,
      Predicate<Instant> everywhere) {
    Instant until = occurredAt.plus(window);
    boolean inEventTime = !until.isAfter(clock.streamTime());
    boolean onWallClock =
        clock.idle() && !heldSince.plus(grace).plus(quiet).isAfter(clock.wallTime());
    return inEventTime || onWallClock || (clock.idle() && everywhere.test(until));
  }

  /**
   * True when the held {@code violation} is due by {@code clock} and the other partitions'
   * progress.
   */
  boolean due(Violation violation, DecisionClock clock, Watermarks progress) {
    Awaiting awaiting = Awaiting.from(violation.getAttributes());
    boolean settled =
        (!awaiting.metElsewhere()
                || (progress.settled(violation.getDetectedAt(), elsewhere, clock.wallTime())
                    && progress.othersPassed(violation.getOccurredAt().plus(grace))))
            && (!awaiting.reportedByAnother() || heldFor(violation, reported, clock));
    // Held from its judgement in event-time order, itself a grace after the event.
    Duration window = awaiting.looksAhead() ? grace.multipliedBy(2) : grace;
    return settled
        && due(
            violation.getOccurredAt(),
            violation.getDetectedAt(),
            window,
            clock,
            time -> progress.passedEverywhere(time, clock.quietFor()));
  }

  private static boolean heldFor(Violation violation, Duration settle, DecisionClock clock) {
    return !violation.getDetectedAt().plus(settle).isAfter(clock.wallTime());
  }

  /**
   * True when {@code event} may clear the held {@code violation}: any event; for what looks ahead
   * only one within the grace after the violation's event; for another partner's report only one
   * dated no later than the grace after it, as the report settle holds the finding past the grace
   * for reports that were on time, not for ones that came after the decision was due.
   */
  boolean mayClear(Violation violation, Instant eventTime) {
    Awaiting awaiting = Awaiting.from(violation.getAttributes());
    Instant from = violation.getOccurredAt();
    if (awaiting.looksAhead()) {
      return eventTime.isAfter(from) && !eventTime.isAfter(from.plus(grace));
    }
    return !awaiting.reportedByAnother() || !eventTime.isAfter(from.plus(grace));
  }
}
