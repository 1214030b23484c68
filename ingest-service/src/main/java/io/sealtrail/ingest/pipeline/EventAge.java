package io.sealtrail.ingest.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses events that claim to have happened longer ago than a partner may report late: the lowest
 * acceptable occurredAt is receipt minus the bound. Backdating is how a forged history is slipped
 * in behind the detections, and instants before 1970 (or year 1) are not custody at all.
 *
 * @param bound how far before receipt occurredAt may lie
 */
public record EventAge(Duration bound) {
  public static final Duration DEFAULT_BOUND = Duration.ofDays(30);

  public EventAge {
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException("a maximum event age must be positive: " + bound);
    }
  }

  /** Why an event that occurred at {@code occurredAt} is refused as too old, if it is. */
  public Optional<String> violation(Instant occurredAt, Instant receivedAt) {
    Instant earliest = receivedAt.minus(bound);
    if (!occurredAt.isBefore(earliest)) {
      return Optional.empty();
    }
    return Optional.of(
        "occurredAt "
            + occurredAt
            + " is more than "
            + bound
            + " before receipt at "
            + receivedAt
            + "; the earliest accepted is "
            + earliest);
  }
}
