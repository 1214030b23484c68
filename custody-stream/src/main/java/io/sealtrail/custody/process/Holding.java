package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.detect.Awaiting;
import java.time.Duration;
import java.time.Instant;

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
 * @param grace how late an event may arrive, in event time
 * @param quiet how long a task must have processed nothing before the wall clock decides
 * @param elsewhereSettle in wall-clock time after its detection, also waited when what clears it is
 *     processed on another partition
 */
record Holding(Duration grace, Duration quiet, Duration elsewhereSettle) {
  /**
   * True when a decision about an event of {@code occurredAt}, first seen at {@code seenAt}, is
   * due.
   */
  boolean due(Instant occurredAt, Instant seenAt, Duration window, DecisionClock clock) {
    boolean inEventTime = !occurredAt.plus(window).isAfter(clock.streamTime());
    boolean onWallClock =
        clock.idle() && !seenAt.plus(window).plus(quiet).isAfter(clock.wallTime());
    return inEventTime || onWallClock;
  }

  /** True when the held {@code violation} is due. */
  boolean due(Violation violation, DecisionClock clock) {
    Awaiting awaiting = Awaiting.from(violation.getAttributes());
    boolean settled =
        !awaiting.metElsewhere()
            || !violation.getDetectedAt().plus(elsewhereSettle).isAfter(clock.wallTime());
    return settled && due(violation.getOccurredAt(), violation.getDetectedAt(), grace, clock);
  }
}
