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
    Histogram histogram = new Histogram(3);
    int missing = 0;
    long now = System.nanoTime();
    for (int i = 0; i < serials.size(); i++) {
      Long arrived = arrivals.arrival(serials.get(i));
      if (arrived == null) {
        missing++;
      }
      histogram.recordValue(Math.max(0, ((arrived == null ? now : arrived) - intended[i]) / 1_000));
    }
    Progress.say("  %s: %,d of %,d arrived", label, serials.size() - missing, serials.size());
    return histogram;
  }
}
