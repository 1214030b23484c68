package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sighting of an incident, whatever detected it: a custody violation or a spike. The alert
 * store folds occurrences of the same {@link IncidentKey} into one alert.
 */
public record Occurrence(
    IncidentKey key,
    Severity severity,
    String summary,
    Instant at,
    List<Evidence> evidence,
    Map<String, String> attributes,
    List<String> links) {
  public Occurrence {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(at, "at");
    evidence = List.copyOf(evidence);
    attributes = Map.copyOf(attributes);
    links = List.copyOf(links);
  }

  /** A custody violation about one serial, with a link to that serial's history. */
  public static Occurrence of(Violation v) {
    String serial = v.getSerial();
    return new Occurrence(
        new IncidentKey(v.getType(), SubjectKind.SERIAL, serial),
        v.getSeverity(),
        v.getSummary(),
        v.getOccurredAt(),
        v.getEvidence(),
        v.getAttributes(),
        List.of("/v1/serials/" + serial + "/history"));
  }
}
