package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.common.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * When an alert is escalated: it is still OPEN (nobody acknowledged it), of severity HIGH or above,
 * was raised at least {@code escalate-after} ago by the wall clock, and was never escalated before.
 * The mark ({@code escalatedAt}) is kept in the alert itself, in the changelogged store, so a
 * restart neither forgets nor repeats an escalation.
 */
public final class Escalation {
  private Escalation() {}

  public static boolean due(Alert alert, Instant now, Duration escalateAfter) {
    return alert.getStatus() == AlertStatus.OPEN
        && alert.getSeverity().ordinal() >= Severity.HIGH.ordinal()
        && alert.getEscalatedAt() == null
        && !now.isBefore(raised(alert).plus(escalateAfter));
  }

  /** {@code alert} marked escalated at {@code now}. */
  public static Alert escalated(Alert alert, Instant now) {
    return Alert.newBuilder(alert).setEscalatedAt(now).build();
  }

  // Alerts opened before raising was stamped count from their event time.
  private static Instant raised(Alert alert) {
    return alert.getDetectedAt() != null ? alert.getDetectedAt() : alert.getRaisedAt();
  }
}
