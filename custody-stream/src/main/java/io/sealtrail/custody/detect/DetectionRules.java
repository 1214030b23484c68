package io.sealtrail.custody.detect;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tunable facts detections depend on: how late an event may arrive before a finding it could
 * clear becomes final, how fast and how slowly a serial travels between two sites, and which
 * suppliers may supply a part. The policy (issue #17) carries all but the grace.
 *
 * @param grace how long a finding that a late event could still clear is held (default 10 min)
 * @param defaultMinTransit the least time between events at two different sites that have no entry
 *     of their own (default 1 h)
 * @param minTransit the least travel time per pair of sites, in either direction
 * @param defaultMaxTransit the most time a shipment may take between two sites that have no entry
 *     of their own before it is overdue (default 7 days)
 * @param maxTransit the most travel time per pair of sites (a lane), in either direction
 * @param approvedSuppliers per part number, the suppliers approved for it; a part number without an
 *     entry is not checked
 * @param certificateRequired part numbers whose receipt must carry a {@code certificateSha256}
 */
public record DetectionRules(
    Duration grace,
    Duration defaultMinTransit,
    Map<SitePair, Duration> minTransit,
    Duration defaultMaxTransit,
    Map<SitePair, Duration> maxTransit,
    Map<String, Set<String>> approvedSuppliers,
    Set<String> certificateRequired) {
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_MIN_TRANSIT = Duration.ofHours(1);
  public static final Duration DEFAULT_MAX_TRANSIT = Duration.ofDays(7);

  public DetectionRules {
    requireNonNegative(grace, "grace");
    requireNonNegative(defaultMinTransit, "defaultMinTransit");
    minTransit = Map.copyOf(minTransit);
    minTransit.values().forEach(d -> requireNonNegative(d, "minTransit"));
    requireNonNegative(defaultMaxTransit, "defaultMaxTransit");
    maxTransit = Map.copyOf(maxTransit);
    maxTransit.values().forEach(d -> requireNonNegative(d, "maxTransit"));
    approvedSuppliers =
        approvedSuppliers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    certificateRequired = Set.copyOf(certificateRequired);
  }

  /** Rules with the given grace and minimum transit times, and defaults for the rest. */
  public DetectionRules(
      Duration grace, Duration defaultMinTransit, Map<SitePair, Duration> minTransit) {
    this(grace, defaultMinTransit, minTransit, DEFAULT_MAX_TRANSIT, Map.of(), Map.of(), Set.of());
  }

  public static DetectionRules defaults() {
    return new DetectionRules(DEFAULT_GRACE, DEFAULT_MIN_TRANSIT, Map.of());
  }

  /** The most time a shipment may take between {@code from} and {@code to}. */
  public Duration maxTransit(String from, String to) {
    return maxTransit.getOrDefault(SitePair.of(from, to), defaultMaxTransit);
  }

  /** True unless {@code partNumber} has approved suppliers and {@code supplier} is not one. */
  public boolean approves(String partNumber, String supplier) {
    Set<String> approved = approvedSuppliers.get(partNumber);
    return approved == null || approved.contains(supplier);
  }

  /** The same rules with the lanes' maximum transit times. */
  public DetectionRules withMaxTransit(Duration defaultMax, Map<SitePair, Duration> lanes) {
    return new DetectionRules(
        grace,
        defaultMinTransit,
        minTransit,
        defaultMax,
        lanes,
        approvedSuppliers,
        certificateRequired);
  }

  /** The same rules with the approved suppliers and the part numbers that need a certificate. */
  public DetectionRules withSuppliers(
      Map<String, Set<String>> approved, Set<String> needCertificate) {
    return new DetectionRules(
        grace,
        defaultMinTransit,
        minTransit,
        defaultMaxTransit,
        maxTransit,
        approved,
        needCertificate);
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
