package io.sealtrail.anomaly.alert;

import java.util.Map;

/**
 * How alerts are kept: how many pieces of evidence one alert carries before older ones give way.
 *
 * @param maxEvidence default 20: enough to investigate an incident, small enough that a flood of
 *     repeats cannot grow one alert record without bound
 */
public record AlertRules(int maxEvidence) {
  public static final String MAX_EVIDENCE_KEY = "sealtrail.anomaly.alert.max-evidence";

  public AlertRules {
    if (maxEvidence < 2) {
      throw new IllegalArgumentException("max evidence must be >= 2, got " + maxEvidence);
    }
  }

  public static AlertRules defaults() {
    return new AlertRules(20);
  }

  /** The rules in {@code flat}, each falling back to its default. */
  public static AlertRules from(Map<String, String> flat) {
    String max = flat.get(MAX_EVIDENCE_KEY);
    return max == null ? defaults() : new AlertRules(Integer.parseInt(max));
  }
}
