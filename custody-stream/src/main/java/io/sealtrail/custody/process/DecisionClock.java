package io.sealtrail.custody.process;

import java.time.Duration;
import java.time.Instant;

/**
 * What a task knows of time when it decides what it held back: how far its input has come in event
 * time, the wall clock, whether it is idle (nothing new processed for a while), when only the wall
 * clock moves, and for how long it has processed nothing ({@code quietFor}, zero while not idle).
 */
public record DecisionClock(Instant streamTime, Instant wallTime, boolean idle, Duration quietFor) {
  /** A clock without a quiet spell's length (zero). */
  public DecisionClock(Instant streamTime, Instant wallTime, boolean idle) {
    this(streamTime, wallTime, idle, Duration.ZERO);
  }

  /** On traffic: stream time moved. */
  public static DecisionClock ofStreamTime(long streamTime, long wallTime) {
    return new DecisionClock(
        Instant.ofEpochMilli(streamTime), Instant.ofEpochMilli(wallTime), false);
  }
}
