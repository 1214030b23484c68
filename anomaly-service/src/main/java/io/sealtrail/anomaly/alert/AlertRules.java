package io.sealtrail.anomaly.alert;

import java.time.Duration;
import java.util.Map;

/**
 * How alerts are kept: how many pieces of evidence one alert carries before older ones give way,
 * when an unacknowledged serious alert is escalated, and how long a resolved alert stays in the
 * API's in-memory view.
 *
 * @param maxEvidence default 20: enough to investigate an incident, small enough that a flood of
 *     repeats cannot grow one alert record without bound
 * @param escalateAfter default 15 min: an OPEN alert of severity HIGH or above not acknowledged
 *     this long after it was raised is escalated once
 * @param escalationCheckEvery default 30 s: how often the wall-clock punctuator looks, so an alert
 *     is escalated at most this late
 * @param resolvedRetention default 30 days: a resolved alert this long after its resolution leaves
 *     the in-memory view (queries still find it on the compacted topic)
 */
public record AlertRules(
    int maxEvidence,
    Duration escalateAfter,
    Duration escalationCheckEvery,
    Duration resolvedRetention) {
  public static final String MAX_EVIDENCE_KEY = "sealtrail.anomaly.alert.max-evidence";
  public static final String ESCALATE_AFTER_KEY = "sealtrail.anomaly.alert.escalate-after";
  public static final String ESCALATION_CHECK_KEY =
      "sealtrail.anomaly.alert.escalation-check-every";
  public static final String RESOLVED_RETENTION_KEY = "sealtrail.anomaly.alert.resolved-retention";

  public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(15);
  public static final Duration DEFAULT_ESCALATION_CHECK = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofDays(30);

  public AlertRules {
    if (maxEvidence < 2) {
      throw new IllegalArgumentException("max evidence must be >= 2, got " + maxEvidence);
    }
    positive(escalateAfter, ESCALATE_AFTER_KEY);
    positive(escalationCheckEvery, ESCALATION_CHECK_KEY);
    positive(resolvedRetention, RESOLVED_RETENTION_KEY);
  }

  /** {@code maxEvidence} with the default escalation and retention. */
  public AlertRules(int maxEvidence) {
    this(maxEvidence, DEFAULT_ESCALATE_AFTER, DEFAULT_ESCALATION_CHECK, DEFAULT_RESOLVED_RETENTION);
  }

  public static AlertRules defaults() {
    return new AlertRules(20);
  }

  /**
   * The rules in {@code flat}, each falling back to its default; durations are ISO-8601 ({@code
   * PT15M}).
   */
  public static AlertRules from(Map<String, String> flat) {
    String max = flat.get(MAX_EVIDENCE_KEY);
    return new AlertRules(
        max == null ? 20 : Integer.parseInt(max),
        duration(flat, ESCALATE_AFTER_KEY, DEFAULT_ESCALATE_AFTER),
        duration(flat, ESCALATION_CHECK_KEY, DEFAULT_ESCALATION_CHECK),
        duration(flat, RESOLVED_RETENTION_KEY, DEFAULT_RESOLVED_RETENTION));
  }

  /** This with another escalation delay (tests use short ones). */
  public AlertRules escalatingAfter(Duration after) {
    return new AlertRules(maxEvidence, after, escalationCheckEvery, resolvedRetention);
  }

  private static Duration duration(Map<String, String> flat, String key, Duration fallback) {
    String value = flat.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Duration.parse(value.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + ": expected an ISO-8601 duration, got " + value, e);
    }
  }

  private static void positive(Duration d, String key) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + d);
    }
  }
}
