package io.sealtrail.bench.latency;

import io.sealtrail.bench.Progress;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Turns intended send times and arrival times into a latency histogram (microseconds). A record
 * that never arrived counts with the time waited for it, so losses raise the tail instead of
 * vanishing from it.
 */
public final class Latencies {
  private Latencies() {}

  /** Waits up to {@code timeout} for every serial to arrive, then histograms the latencies. */
  public static Histogram of(
      String label, List<String> serials, long[] intended, Arrivals arrivals, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!serials.stream().allMatch(s -> arrivals.arrival(s) != null)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    int missing = 0;
    long now = System.nanoTime();
    long[] ends = new long[serials.size()];
    for (int i = 0; i < serials.size(); i++) {
      Long arrived = arrivals.arrival(serials.get(i));
      if (arrived == null) {
        missing++;
      }
      ends[i] = arrived == null ? now : arrived;
    }
    Progress.say("  %s: %,d of %,d arrived", label, serials.size() - missing, serials.size());
    return fromIntended(intended, ends);
  }

  /**
   * Microseconds from each intended start to its end (nanoTimes, index by index): the end of one
   * that never finished is when the wait for it stopped. Never from when it was actually sent.
   */
  public static Histogram fromIntended(long[] intended, long[] ends) {
    if (intended.length != ends.length) {
      throw new IllegalArgumentException(intended.length + " starts but " + ends.length + " ends");
    }
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < intended.length; i++) {
      histogram.recordValue(Math.max(0, (ends[i] - intended[i]) / 1_000));
    }
    return histogram;
  }
}
