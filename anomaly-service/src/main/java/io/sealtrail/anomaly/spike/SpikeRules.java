package io.sealtrail.anomaly.spike;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one kind of spike is detected: the window the counts are taken over and the learned
 * per-cohort baseline they are compared with (see ADR 6 for the estimator).
 *
 * @param window default 1 h: long enough to gather a handful of events per busy cohort, short
 *     enough that a burst is alerted within the hour
 * @param grace default 5 min: how late an event may arrive and still count in its window; also the
 *     wall-clock quiet after a window's end and its last event after which it closes without a
 *     later event
 * @param alpha default 0.2: the EWMA weight of the newest window; a new normal level is learned in
 *     about five windows
 * @param multiplier default 3: a window must exceed three times the baseline to be a spike
 * @param minCount default 5: fewer events than this are never a spike, so a quiet cohort's single
 *     failure does not page anyone
 * @param floor default 1.0: the smallest baseline, so a cohort with no history is not compared with
 *     zero
 * @param seriesWindows default 48: how many judged windows per cohort are kept for spike charts
 *     (two days of hourly windows)
 * @param dimensions the cohort dimensions counted; empty (default) means every one the kind has
 * @param settle default 15 s: time waited after a window closes (window end + grace) before its
 *     spiking cohorts are folded into incidents, so cohorts judged on other partitions, whose
 *     stream time trails a little, are folded in too: stream time, or wall-clock time after the
 *     window's first spike reached the fold when no later event moves stream time
 * @param wallSettle default 15 s: wall-clock time a window waits at the fold after its first spike
 *     arrived, besides {@code settle}. Live, stream time follows the wall clock, so both settles
 *     end together and this adds nothing; in a replay, where an hour of events passes in seconds,
 *     the leading partitions push stream time past {@code settle} at once, and this gives a
 *     trailing partition's tasks the few seconds (a poll, a commit, a rebalance) they need to catch
 *     up. Also the wall-clock time a window past its close on stream time waits at its detector
 *     after its last hit, for hits another partner's later events overtook (see {@link
 *     SpikeProcessor})
 */
public record SpikeRules(
    Duration window,
    Duration grace,
    double alpha,
    double multiplier,
    long minCount,
    double floor,
    int seriesWindows,
    Set<String> dimensions,
    Duration settle,
    Duration wallSettle) {
  public SpikeRules {
    dimensions = Set.copyOf(dimensions);
    if (seriesWindows < 1) {
      throw new IllegalArgumentException("series windows must be >= 1, got " + seriesWindows);
    }
    if (window.isZero()
        || window.isNegative()
        || grace.isNegative()
        || settle.isZero()
        || settle.isNegative()
        || wallSettle.isNegative()) {
      throw new IllegalArgumentException(
          "window and settle must be positive, grace and wall settle not negative");
    }
    if (alpha <= 0 || alpha > 1 || multiplier < 1 || minCount < 1 || floor <= 0) {
      throw new IllegalArgumentException("need 0<alpha<=1, multiplier>=1, minCount>=1, floor>0");
    }
  }

  public static SpikeRules defaults() {
    return new SpikeRules(
        Duration.ofHours(1),
        Duration.ofMinutes(5),
        0.2,
        3.0,
        5,
        1.0,
        48,
        Set.of(),
        Duration.ofSeconds(15),
        Duration.ofSeconds(15));
  }

  /** The rules under {@code prefix} (e.g. {@code sealtrail.anomaly.rejection-spike.}) in flat. */
  public static SpikeRules from(Map<String, String> flat, String prefix) {
    SpikeRules d = defaults();
    return new SpikeRules(
        Duration.parse(flat.getOrDefault(prefix + "window", d.window().toString())),
        Duration.parse(flat.getOrDefault(prefix + "grace", d.grace().toString())),
        Double.parseDouble(flat.getOrDefault(prefix + "alpha", "" + d.alpha())),
        Double.parseDouble(flat.getOrDefault(prefix + "multiplier", "" + d.multiplier())),
        Long.parseLong(flat.getOrDefault(prefix + "min-count", "" + d.minCount())),
        Double.parseDouble(flat.getOrDefault(prefix + "floor", "" + d.floor())),
        Integer.parseInt(flat.getOrDefault(prefix + "series-windows", "" + d.seriesWindows())),
        dimensions(flat.get(prefix + "dimensions")),
        Duration.parse(flat.getOrDefault(prefix + "settle", d.settle().toString())),
        Duration.parse(flat.getOrDefault(prefix + "wall-settle", d.wallSettle().toString())));
  }

  /** The end of the tumbling window (aligned to the epoch) that the time {@code atMillis} is in. */
  public long windowEndOf(long atMillis) {
    long size = window.toMillis();
    return atMillis - Math.floorMod(atMillis, size) + size;
  }

  /**
   * The wall-clock time at which the window ending at {@code endMillis}, whose last hit arrived at
   * wall-clock {@code lastArrivalMillis}, closes when stream time has not closed it first: grace
   * after the later of the two. Live, stream time and the wall clock agree, so this is the close on
   * stream time without needing a later event; in a replay (ends far behind the wall clock) it is
   * grace of wall-clock quiet after the window's last hit.
   */
  public long closesAtMillis(long endMillis, long lastArrivalMillis) {
    return Math.max(endMillis, lastArrivalMillis) + grace.toMillis();
  }

  /** The stream time at which the spikes of the window ending at {@code endMillis} are folded. */
  public long foldAtMillis(long endMillis) {
    return endMillis + grace.toMillis() + settle.toMillis();
  }

  /**
   * Whether the window ending at {@code endMillis}, whose first spike reached the fold at
   * wall-clock {@code firstMillis}, is folded now: once the wall settle has passed since then and
   * either the fold's stream time has reached its fold time or the settle has passed on the wall
   * clock too (no later event moved stream time). So a window is folded at most {@code max(settle,
   * wallSettle)} of wall-clock time after its first spike arrived, with or without traffic.
   */
  public boolean foldDue(long endMillis, long firstMillis, long streamMillis, long wallMillis) {
    long waited = wallMillis - firstMillis;
    return waited >= wallSettle.toMillis()
        && (foldAtMillis(endMillis) <= streamMillis || waited >= settle.toMillis());
  }

  /**
   * How long the fold remembers a window's incidents after it closed, so that a late spike can join
   * them: as long as the series keeps the window for its chart.
   */
  public Duration foldedRetention() {
    return window.multipliedBy(seriesWindows);
  }

  /** Whether {@code dimension} is counted. */
  public boolean counts(String dimension) {
    return dimensions.isEmpty() || dimensions.contains(dimension);
  }

  private static Set<String> dimensions(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toSet());
  }
}
