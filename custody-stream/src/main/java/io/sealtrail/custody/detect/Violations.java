package io.sealtrail.custody.detect;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns findings into {@link Violation} records: a deterministic id from type, serial, reporter and
 * triggering event, the severity of the type, and the cohort attributes the anomaly service needs.
 */
public final class Violations {
  private static final Map<AlertType, Severity> SEVERITY = new EnumMap<>(AlertType.class);

  static {
    SEVERITY.put(AlertType.CLONE_SUSPECTED, Severity.CRITICAL);
    SEVERITY.put(AlertType.KEY_MISMATCH, Severity.CRITICAL);
    SEVERITY.put(AlertType.COMPONENT_SUBSTITUTION, Severity.CRITICAL);
    SEVERITY.put(AlertType.UNAUTHORIZED_FIRMWARE, Severity.CRITICAL);
    SEVERITY.put(AlertType.HOLD_VIOLATION, Severity.CRITICAL);
    SEVERITY.put(AlertType.MEASUREMENT_MISMATCH, Severity.CRITICAL);
    SEVERITY.put(AlertType.ATTESTATION_REPLAY, Severity.HIGH);
    SEVERITY.put(AlertType.SEAL_BROKEN, Severity.HIGH);
    SEVERITY.put(AlertType.SEAL_MISMATCH, Severity.HIGH);
    SEVERITY.put(AlertType.MANIFEST_MISMATCH, Severity.HIGH);
    SEVERITY.put(AlertType.UNKNOWN_SERIAL, Severity.HIGH);
    SEVERITY.put(AlertType.MISSING_DUAL_APPROVAL, Severity.HIGH);
    SEVERITY.put(AlertType.FIRMWARE_ROLLBACK, Severity.HIGH);
    SEVERITY.put(AlertType.POST_DECOMMISSION_ACTIVITY, Severity.HIGH);
    SEVERITY.put(AlertType.ATTESTATION_FAILED, Severity.MEDIUM);
    SEVERITY.put(AlertType.INVALID_TRANSITION, Severity.MEDIUM);
    SEVERITY.put(AlertType.SEQUENCE_GAP, Severity.HIGH);
    SEVERITY.put(AlertType.SEQUENCE_REUSE, Severity.HIGH);
    SEVERITY.put(AlertType.PROCESS_DEVIATION, Severity.HIGH);
    SEVERITY.put(AlertType.COMPONENT_REUSE, Severity.CRITICAL);
    SEVERITY.put(AlertType.UNVERIFIED_COMPONENT, Severity.HIGH);
    SEVERITY.put(AlertType.UNAPPROVED_SUPPLIER, Severity.HIGH);
    SEVERITY.put(AlertType.DIVERSION, Severity.HIGH);
    SEVERITY.put(AlertType.ROUTE_MISMATCH, Severity.MEDIUM);
    SEVERITY.put(AlertType.SHIPMENT_OVERDUE, Severity.MEDIUM);
  }

  private Violations() {}

  /** The id a replay of the same event yields again, so the anomaly service can de-duplicate. */
  public static String idOf(AlertType type, String serial, Observation trigger) {
    return String.join(":", type.name(), serial, trigger.partnerId(), trigger.eventId());
  }

  public static Severity severityOf(AlertType type) {
    return SEVERITY.getOrDefault(type, Severity.MEDIUM);
  }

  /** The violation {@code finding} in {@code trigger} amounts to, detected at {@code now}. */
  public static Violation of(Finding finding, Observation trigger, Instant now) {
    return of(finding, trigger.serial(), trigger, now);
  }

  /** The violation of {@code serial} that a finding in another serial's event amounts to. */
  public static Violation of(Finding finding, String serial, Observation trigger, Instant now) {
    Map<String, String> attributes = new HashMap<>(finding.attributes());
    attributes.putAll(finding.awaiting().attributes());
    attributes.put("site", trigger.site());
    attributes.put("partner", trigger.partnerId());
    return Violation.newBuilder()
        .setViolationId(idOf(finding.type(), serial, trigger))
        .setType(finding.type())
        .setSeverity(severityOf(finding.type()))
        .setSerial(serial)
        .setSummary(finding.summary())
        .setOccurredAt(trigger.occurredAt())
        .setDetectedAt(now)
        .setEvidence(finding.evidence())
        .setAttributes(attributes)
        .build();
  }
}
