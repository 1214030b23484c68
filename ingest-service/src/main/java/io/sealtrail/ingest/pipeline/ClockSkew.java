package io.sealtrail.ingest.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses events that claim to have happened further in the future than clocks can drift: such an
 * event was pre-signed for later use, or comes from a device with a broken clock.
 *
 * @param bound how far after receipt occurredAt may lie
 */
public record ClockSkew(Duration bound) {
  public static final Duration DEFAULT_BOUND = Duration.ofMinutes(5);

  public ClockSkew {
    if (bound.isNegative()) {
      throw new IllegalArgumentException("a clock skew bound cannot be negative: " + bound);
    }
  }

  /** Why an event that occurred at {@code occurredAt} is refused, if it is. */
  public Optional<String> violation(Instant occurredAt, Instant receivedAt) {
    Instant latest = receivedAt.plus(bound);
    if (!occurredAt.isAfter(latest)) {
      return Optional.empty();
    }
    return Optional.of(
        "occurredAt " + occurredAt + " is more than " + bound + " after receipt at " + receivedAt);
  }
}
