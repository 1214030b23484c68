package io.sealtrail.anomaly.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * p50 and p90 of durations by the nearest-rank method (the smallest value with at least p % of the
 * values at or below it: always a value that occurred, and the same for the same values in any
 * order), in seconds with millisecond precision; null for none.
 */
final class Percentiles {
  private Percentiles() {}

  static Map<String, Object> of(List<Duration> values) {
    List<Duration> sorted = values.stream().sorted().toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", sorted.size());
    json.put("p50Seconds", rank(sorted, 50));
    json.put("p90Seconds", rank(sorted, 90));
    return json;
  }

  static Double rank(List<Duration> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(index, 0)).toMillis() / 1000.0;
  }
}
