package io.sealtrail.custody.process;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a task has processed nothing new for {@code quiet}: the condition under which a processor
 * takes what it held back on the wall clock ({@link Holding}). Progress is a record processed or
 * stream time moved (by records this processor never sees) since the last wall-clock check.
 */
public final class Idleness {
  private final Duration quiet;
  private long lastStreamTime = -1;
  private long lastProgress;

  /** Not idle before {@code quiet} has passed from {@code startedAt} (wall-clock millis). */
  public Idleness(Duration quiet, long startedAt) {
    this.quiet = quiet;
    this.lastProgress = startedAt;
  }

  /** A record was processed at {@code wallTime}. */
  public void processed(long wallTime) {
    lastProgress = wallTime;
  }

  /**
   * When event time would reach {@code eventTime} on the wall clock if it had run on with the wall
   * clock from where the task last progressed ({@code streamTime} at that moment): an event-time
   * deadline as a wall-clock instant for a task with no traffic. In live operation stream time
   * follows the wall clock and this is the deadline itself; in a replay or backfill that stopped
   * far behind the wall clock it is that far later, so an old deadline is not taken as passed the
   * moment the replay pauses. A task with no stream time yet has only the wall clock.
   */
  public Instant wallTimeOf(Instant eventTime, long streamTime) {
    if (streamTime < 0) {
      return eventTime;
    }
    return Instant.ofEpochMilli(lastProgress).plusMillis(eventTime.toEpochMilli() - streamTime);
  }

  /** What a wall-clock check at {@code wallTime}, with the task at {@code streamTime}, knows. */
  public DecisionClock check(long streamTime, long wallTime) {
    if (streamTime != lastStreamTime) {
      lastStreamTime = streamTime;
      lastProgress = Math.max(lastProgress, wallTime);
    }
    long quietFor = Math.max(0, wallTime - lastProgress);
    boolean idle = quietFor >= quiet.toMillis();
    return new DecisionClock(
        Instant.ofEpochMilli(streamTime),
        Instant.ofEpochMilli(wallTime),
        idle,
        idle ? Duration.ofMillis(quietFor) : Duration.ZERO);
  }
}
