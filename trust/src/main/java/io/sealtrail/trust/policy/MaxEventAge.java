package io.sealtrail.trust.policy;

import io.sealtrail.avro.common.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far before its receipt an event may say it happened, per event type: older is {@code
 * TOO_OLD}. Backdating is how a forged history is slipped in behind the detections, and instants
 * before 1970 (or year 1) are not custody at all, so every type has a bound: its own, or the
 * default.
 *
 * @param byDefault the bound of every type not named in {@code byType}
 * @param byType bounds of particular types
 */
public record MaxEventAge(Duration byDefault, Map<EventType, Duration> byType) {
  /** The contract's bound: 30 days. */
  public static final Duration DEFAULT = Duration.ofDays(30);

  public MaxEventAge {
    requirePositive(byDefault, "the default");
    byType = Map.copyOf(byType);
    byType.forEach((type, bound) -> requirePositive(bound, type.name()));
  }

  /** The same bound for every type. */
  public static MaxEventAge of(Duration bound) {
    return new MaxEventAge(bound, Map.of());
  }

  /** The bound of {@code type}. */
  public Duration of(EventType type) {
    return byType.getOrDefault(type, byDefault);
  }

  /** The same per-type bounds, with {@code bound} for every other type. */
  public MaxEventAge withDefault(Duration bound) {
    return new MaxEventAge(bound, byType);
  }

  /**
   * Why an event of {@code type} that occurred at {@code occurredAt} is too old at {@code
   * receivedAt}, if it is: the lowest acceptable occurredAt is receipt minus the type's bound.
   */
  public Optional<String> violation(EventType type, Instant occurredAt, Instant receivedAt) {
    Duration bound = of(type);
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
            + " (the bound for "
            + type
            + "); the earliest accepted is "
            + earliest);
  }

  private static void requirePositive(Duration bound, String what) {
    Objects.requireNonNull(bound, what);
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException(
          "a maximum event age must be positive, " + what + " is " + bound);
    }
  }
}
