package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.IncidentKey;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One kind of spike: its alert type, severity, what is counted, the prefix of its node and store
 * names, and its rules. It turns a spiking window into an occurrence of the cohort's incident.
 */
public record SpikeKind(
    String name, AlertType type, Severity severity, String counted, SpikeRules rules) {

  /** The occurrence for {@code count} events in {@code cohort} over [start, end). */
  public Occurrence occurrence(
      Cohort cohort, long count, double baseline, Instant start, Instant end) {
    String summary =
        String.format(
            "%d %s at %s between %s and %s (baseline %.1f)",
            count, counted, cohort.key(), start, end, baseline);
    return new Occurrence(
        new IncidentKey(type, cohort.kind(), cohort.subjectId()),
        severity,
        summary,
        end,
        List.of(),
        Map.of(
            cohort.dimension(),
            cohort.value(),
            "windowStart",
            start.toString(),
            "windowEnd",
            end.toString(),
            "count",
            Long.toString(count),
            "baseline",
            String.format("%.2f", baseline)),
        List.of());
  }

  /** The name of the node or store {@code suffix} of this spike kind. */
  public String named(String suffix) {
    return "anomaly-" + name + "-" + suffix;
  }
}
