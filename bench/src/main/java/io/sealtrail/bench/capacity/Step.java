package io.sealtrail.bench.capacity;

import java.util.List;
import java.util.Locale;

/**
 * What one step of constant offered load gave, and whether the system held it: submission → alert
 * p99 at most {@link #P99_LIMIT_MS} and the consumer lag bounded ({@link #lagBounded}).
 *
 * @param offered events per second offered (open loop, from each intended send time)
 * @param accepted events per second accepted while the step was offered
 * @param p50Ms p50 from intended send time to arrival, in ms (a missing arrival counts with the
 *     time waited for it)
 * @param p99Ms p99 of the same
 * @param missing arrivals still missing when the wait for them ended
 * @param lag the lag sampled during the step, the last sample at its end
 */
public record Step(
    int offered, double accepted, double p50Ms, double p99Ms, int missing, List<LagSample> lag) {
  public static final double P99_LIMIT_MS = 1_000;

  /**
   * A lag at most this many seconds of the offered traffic counts as bounded whatever its slope:
   * every exactly-once hop holds up to a commit interval of records, summed over the hops and their
   * groups, and a few samples of that sawtooth in a short step fit any slope.
   */
  static final double LAG_FLOOR_SECONDS = 2;

  /**
   * Above the floor, the lag is bounded when its least-squares slope over the second half of the
   * step grows by at most this share of the offered rate per second, i.e. the consumers fall behind
   * by at most 5 % of what is offered.
   */
  static final double LAG_SLOPE_SHARE = 0.05;

  public Step {
    lag = List.copyOf(lag);
  }

  public boolean held() {
    return p99Ms <= P99_LIMIT_MS && lagBounded();
  }

  /** Why the step held or not, in a few words. */
  public String verdict() {
    if (held()) {
      return "held";
    }
    String p99 = p99Ms > P99_LIMIT_MS ? "p99 above 1 s" : "";
    String lagged = lagBounded() ? "" : "lag " + (readLag().isEmpty() ? "unknown" : "growing");
    return "failed: " + (p99.isEmpty() || lagged.isEmpty() ? p99 + lagged : p99 + ", " + lagged);
  }

  /** The lag at the end of the step, or -1 when none could be read. */
  public long endLag() {
    List<LagSample> read = readLag();
    return read.isEmpty() ? -1 : read.get(read.size() - 1).records();
  }

  /**
   * Bounded: the lag at the end is at most {@link #LAG_FLOOR_SECONDS} of the offered traffic, or it
   * does not grow across the second half of the step ({@link #LAG_SLOPE_SHARE}). An unread lag is
   * not bounded: the step cannot show it held.
   */
  public boolean lagBounded() {
    List<LagSample> read = readLag();
    if (read.isEmpty()) {
      return false;
    }
    if (endLag() <= LAG_FLOOR_SECONDS * offered) {
      return true;
    }
    double half = read.get(read.size() - 1).seconds() / 2;
    List<LagSample> late = read.stream().filter(s -> s.seconds() >= half).toList();
    return late.size() >= 2 && slope(late) <= LAG_SLOPE_SHARE * offered;
  }

  /** The fitted rise of the lag in records per second (least squares). */
  static double slope(List<LagSample> samples) {
    double meanX = samples.stream().mapToDouble(LagSample::seconds).average().orElse(0);
    double meanY = samples.stream().mapToDouble(LagSample::records).average().orElse(0);
    double num = 0;
    double den = 0;
    for (LagSample s : samples) {
      num += (s.seconds() - meanX) * (s.records() - meanY);
      den += (s.seconds() - meanX) * (s.seconds() - meanX);
    }
    return den == 0 ? 0 : num / den;
  }

  private List<LagSample> readLag() {
    return lag.stream().filter(s -> s.records() >= 0).toList();
  }

  /** A line of the per-step table ({@link Ladder#table}). */
  String row() {
    return String.format(
        Locale.ROOT,
        "| %,d | %,.0f | %s | %s | %s | %s | %s |",
        offered,
        accepted,
        ms(p50Ms),
        ms(p99Ms),
        endLag() < 0 ? "?" : String.format(Locale.ROOT, "%,d", endLag()),
        missing == 0 ? "0" : String.format(Locale.ROOT, "%,d", missing),
        verdict());
  }

  private static String ms(double ms) {
    return ms >= 100
        ? String.format(Locale.ROOT, "%,.0f ms", ms)
        : String.format(Locale.ROOT, "%.3g ms", ms);
  }
}
