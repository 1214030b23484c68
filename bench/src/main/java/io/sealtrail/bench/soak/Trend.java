package io.sealtrail.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * What one series did over the soak: first, last and highest value, the least-squares slope per 10
 * minutes after the warm-up, and whether that is flat.
 *
 * <p>The rule: the first {@link #WARM_UP_SHARE} of the run (caches, JIT, stores filling) is left
 * out of the fit; the series is flat when the slope of the line fitted to the rest rises at most
 * {@link #RELATIVE_LIMIT} of its median per 10 minutes, or less than the series' absolute floor. A
 * falling series passes: what a soak looks for is growth (a leak, a backlog building), and a
 * backlog draining after the start, or memory handed back, is neither.
 */
record Trend(
    Sample.Series series,
    double start,
    double end,
    double max,
    double median,
    double slopePerTenMinutes,
    boolean flat) {
  static final double WARM_UP_SHARE = 0.2;
  static final double RELATIVE_LIMIT = 0.05;

  static Trend of(Sample.Series series, List<Sample> samples) {
    List<Sample> read = series.read(samples);
    if (read.size() < 3) {
      return new Trend(series, -1, -1, -1, -1, 0, false);
    }
    double max = read.stream().mapToDouble(series::of).max().orElseThrow();
    double warmUpEnd = read.get(read.size() - 1).seconds() * WARM_UP_SHARE;
    List<Sample> fitted = read.stream().filter(s -> s.seconds() >= warmUpEnd).toList();
    double slope = slopePerSecond(series, fitted) * 600;
    double[] sorted = fitted.stream().mapToDouble(series::of).sorted().toArray();
    double median = sorted[sorted.length / 2];
    boolean flat = slope <= Math.max(series.floorPerTenMinutes, RELATIVE_LIMIT * median);
    return new Trend(
        series,
        series.of(read.get(0)),
        series.of(read.get(read.size() - 1)),
        max,
        median,
        slope,
        flat);
  }

  private static double slopePerSecond(Sample.Series series, List<Sample> samples) {
    double n = samples.size();
    double meanX = samples.stream().mapToDouble(Sample::seconds).sum() / n;
    double meanY = samples.stream().mapToDouble(series::of).sum() / n;
    double cov = 0;
    double var = 0;
    for (Sample s : samples) {
      cov += (s.seconds() - meanX) * (series.of(s) - meanY);
      var += (s.seconds() - meanX) * (s.seconds() - meanX);
    }
    return var == 0 ? 0 : cov / var;
  }

  /** A Markdown table row: series, start, end, max, slope per 10 min, verdict. */
  String row() {
    return String.format(
        Locale.ROOT,
        "| %s%s | %s | %s | %s | %+.1f | %s |",
        series.label,
        series.unit.isEmpty() ? "" : " (" + series.unit + ")",
        format(start),
        format(end),
        format(max),
        slopePerTenMinutes,
        (flat ? "flat" : "NOT flat") + (series.judged ? "" : " (shown, not judged)"));
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
