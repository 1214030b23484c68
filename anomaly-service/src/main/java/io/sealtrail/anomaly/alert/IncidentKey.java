package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.AlertSubject;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import java.time.Instant;
import java.util.Objects;

/**
 * What makes two occurrences the same incident: the detection type and its subject, written {@code
 * SEAL_BROKEN:DEV-1}. An alert id is the incident key and the instant the incident was first seen,
 * so a replay yields the same id and a recurrence after resolution yields a new one.
 */
public record IncidentKey(AlertType type, SubjectKind kind, String subjectId) {
  public IncidentKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
  }

  /** {@code TYPE:subject}, the key of the open-incident store. */
  public String value() {
    return type + ":" + subjectId;
  }

  /** The deterministic id of the alert for this incident first seen at {@code firstSeen}. */
  public String alertId(Instant firstSeen) {
    return value() + "@" + firstSeen.toEpochMilli();
  }

  public AlertSubject subject() {
    return new AlertSubject(kind, subjectId);
  }
}
