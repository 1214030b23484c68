package io.sealtrail.bench.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One look at the platform during the soak: seconds since the traffic started, heap after the
 * latest GC and resident size (MiB), open file descriptors, total consumer lag (records), and the
 * events answered so far. A figure that could not be read is -1.
 */
record Sample(
    double seconds,
    double heapAfterGcMiB,
    double rssMiB,
    long openFiles,
    long lag,
    long collections,
    long answered) {

  static final String CSV_HEADER =
      "seconds,heap_after_gc_mib,rss_mib,open_files,consumer_lag,gc_count,events_answered";

  String csv() {
    return String.format(
        Locale.ROOT,
        "%.1f,%.1f,%.1f,%d,%d,%d,%d",
        seconds,
        heapAfterGcMiB,
        rssMiB,
        openFiles,
        lag,
        collections,
        answered);
  }

  /** The four series the soak judges, each with its unit and its absolute flatness floor. */
  enum Series {
    HEAP("heap after GC", "MiB", 8, Sample::heapAfterGcMiB),
    RSS("RSS", "MiB", 16, Sample::rssMiB),
    OPEN_FILES("open files", "", 8, s -> s.openFiles),
    LAG("consumer lag", "records", 1000, s -> s.lag);

    final String label;
    final String unit;

    /** A slope below this per 10 minutes is flat whatever the level (noise of a small figure). */
    final double floorPerTenMinutes;

    private final ToDoubleFunction<Sample> value;

    Series(String label, String unit, double floor, ToDoubleFunction<Sample> value) {
      this.label = label;
      this.unit = unit;
      this.floorPerTenMinutes = floor;
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
