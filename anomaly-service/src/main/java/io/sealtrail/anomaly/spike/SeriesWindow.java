package io.sealtrail.anomaly.spike;

import java.util.ArrayList;
import java.util.List;

/**
 * One closed window of a cohort as it was judged: its bounds, its count, and the baseline and
 * threshold (the smallest count that spikes) it was compared with; what a spike chart draws.
 */
public record SeriesWindow(
    long startMillis, long endMillis, long count, double baseline, long threshold) {

  public boolean spike() {
    return count >= threshold;
  }

  /** {@code start|end|count|baseline|threshold}: numbers only, so the separators are safe. */
  public String format() {
    return startMillis + "|" + endMillis + "|" + count + "|" + baseline + "|" + threshold;
  }

  public static SeriesWindow parse(String stored) {
    String[] f = stored.split("\\|");
    return new SeriesWindow(
        Long.parseLong(f[0]),
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Double.parseDouble(f[3]),
        Long.parseLong(f[4]));
  }

  /** A cohort's stored series, oldest first: windows separated by {@code ;}. */
  public static List<SeriesWindow> parseAll(String stored) {
    List<SeriesWindow> windows = new ArrayList<>();
    if (stored != null && !stored.isEmpty()) {
      for (String w : stored.split(";")) {
        windows.add(parse(w));
      }
    }
    return windows;
  }

  /** {@code series} with {@code next} appended, keeping only the newest {@code max}. */
  public static String append(String stored, SeriesWindow next, int max) {
    List<SeriesWindow> windows = parseAll(stored);
    windows.add(next);
    List<String> kept = new ArrayList<>();
    for (SeriesWindow w : windows.subList(Math.max(0, windows.size() - max), windows.size())) {
      kept.add(w.format());
    }
    return String.join(";", kept);
  }
}
