package io.sealtrail.anomaly.spike;

/**
 * A cohort's learned normal: the exponentially weighted moving average of its per-window count, and
 * the end of the last window folded in, so that windows with no events decay it.
 */
public record Baseline(double mean, long lastWindowEnd) {
  /** A cohort never seen before. */
  public static Baseline none() {
    return new Baseline(0.0, Long.MIN_VALUE);
  }

  /** Whether {@code count} in one window is a spike against this baseline. */
  public boolean isSpike(long count, SpikeRules rules) {
    return count >= threshold(rules);
  }

  /**
   * The smallest count that spikes: at least the minimum count and strictly above {@code multiplier
   * · max(mean, floor)}.
   */
  public long threshold(SpikeRules rules) {
    long above = (long) Math.floor(rules.multiplier() * Math.max(mean, rules.floor())) + 1;
    return Math.max(rules.minCount(), above);
  }

  /**
   * This baseline just before the window ending at {@code windowEnd}: decayed over the windows in
   * between, which had no events (final results are only emitted for windows with events).
   */
  public Baseline decayedTo(long windowEnd, SpikeRules rules) {
    if (lastWindowEnd == Long.MIN_VALUE) {
      return this;
    }
    long empty = Math.max(0, (windowEnd - lastWindowEnd) / rules.window().toMillis() - 1);
    return new Baseline(mean * Math.pow(1 - rules.alpha(), empty), lastWindowEnd);
  }

  /** This baseline after the window ending at {@code windowEnd} with {@code count} events. */
  public Baseline fold(long count, long windowEnd, SpikeRules rules) {
    double prior = decayedTo(windowEnd, rules).mean();
    return new Baseline(rules.alpha() * count + (1 - rules.alpha()) * prior, windowEnd);
  }

  /** {@code mean|lastWindowEnd}, the store's value. */
  public String format() {
    return mean + "|" + lastWindowEnd;
  }

  public static Baseline parse(String stored) {
    if (stored == null) {
      return none();
    }
    int bar = stored.indexOf('|');
    return new Baseline(
        Double.parseDouble(stored.substring(0, bar)), Long.parseLong(stored.substring(bar + 1)));
  }
}
