package io.sealtrail.custody.detect;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The tunable facts detections depend on: how late an event may arrive before a finding it could
 * clear becomes final, and how fast a serial can travel between two sites.
 *
 * @param grace how long a finding that a late event could still clear is held (default 10 min)
 * @param defaultMinTransit the least time between events at two different sites that have no entry
 *     of their own (default 1 h)
 * @param minTransit the least travel time per pair of sites, in either direction
 */
public record DetectionRules(
    Duration grace, Duration defaultMinTransit, Map<SitePair, Duration> minTransit) {
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_MIN_TRANSIT = Duration.ofHours(1);

  public DetectionRules {
    requireNonNegative(grace, "grace");
    requireNonNegative(defaultMinTransit, "defaultMinTransit");
    minTransit = Map.copyOf(minTransit);
    minTransit.values().forEach(d -> requireNonNegative(d, "minTransit"));
  }

  public static DetectionRules defaults() {
    return new DetectionRules(DEFAULT_GRACE, DEFAULT_MIN_TRANSIT, Map.of());
  }

  /** The least time a serial needs to travel between {@code from} and {@code to}. */
  public Duration minTransit(String from, String to) {
    if (from.equals(to)) {
      return Duration.ZERO;
    }
    return minTransit.getOrDefault(SitePair.of(from, to), defaultMinTransit);
  }

  private static void requireNonNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
  }
}
