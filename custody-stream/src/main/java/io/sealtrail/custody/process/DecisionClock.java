package io.sealtrail.custody.process;

import java.time.Instant;

/**
 * What a task knows of time when it decides what it held back: how far its input has come in event
 * time, the wall clock, and whether it is idle (nothing new processed for a while), when only the
 * wall clock moves.
 */
public record DecisionClock(Instant streamTime, Instant wallTime, boolean idle) {
  /** On traffic: stream time moved. */
  public static DecisionClock ofStreamTime(long streamTime, long wallTime) {
    return new DecisionClock(
        Instant.ofEpochMilli(streamTime), Instant.ofEpochMilli(wallTime), false);
  }
}
