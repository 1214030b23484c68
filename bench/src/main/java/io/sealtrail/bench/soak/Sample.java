package io.sealtrail.bench.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One look at the platform during the soak: seconds since the traffic started, heap after the
 * latest GC (mostly a young one) and, every few minutes, after a full GC the probe asked for (the
 * live heap), resident size (MiB), open file descriptors, total consumer lag (records), and the
 * events answered so far. A figure that could not be read, or a live heap not asked for at this
 * sample, is -1.
 */
record Sample(
    double seconds,
    double heapAfterGcMiB,
    double liveHeapMiB,
    double rssMiB,
    long openFiles,
    long lag,
    long collections,
    long answered) {

  static final String CSV_HEADER =
      "seconds,heap_after_gc_mib,live_heap_mib,rss_mib,open_files,consumer_lag,gc_count,"
          + "events_answered";

  String csv() {
    return String.format(
        Locale.ROOT,
        "%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d",
        seconds,
        heapAfterGcMiB,
        liveHeapMiB,
        rssMiB,
        openFiles,
        lag,
        collections,
        answered);
  }

  /**
   * The series the soak plots, each with its unit and its absolute flatness floor; all but the heap
   * after the latest GC are judged. That one is shown, not judged: after a young collection it
   * includes whatever the old generation holds until its next concurrent cycle (G1 starts one at 45
   * % of the heap), so it climbs between cycles with or without a leak; the live heap after a full
   * GC does not.
   */
  enum Series {
    HEAP("heap after latest GC", "MiB", 8, false, Sample::heapAfterGcMiB),
    LIVE_HEAP("live heap (after full GC)", "MiB", 8, true, Sample::liveHeapMiB),
    RSS("RSS", "MiB", 16, true, Sample::rssMiB),
    OPEN_FILES("open files", "", 8, true, s -> s.openFiles),
    LAG("consumer lag", "records", 1000, true, s -> s.lag);

    final String label;
    final String unit;

    /** A slope below this per 10 minutes is flat whatever the level (noise of a small figure). */
    final double floorPerTenMinutes;

    /** Whether the verdict of the soak depends on it. */
    final boolean judged;

    private final ToDoubleFunction<Sample> value;

    Series(
        String label, String unit, double floor, boolean judged, ToDoubleFunction<Sample> value) {
      this.label = label;
      this.unit = unit;
      this.floorPerTenMinutes = floor;
      this.judged = judged;
      this.value = value;
    }

    double of(Sample sample) {
      return value.applyAsDouble(sample);
    }

    /** The samples where this figure was read. */
    List<Sample> read(List<Sample> samples) {
      return samples.stream().filter(s -> of(s) >= 0).toList();
    }
  }
}
