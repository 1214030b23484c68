package io.sealtrail.anomaly.api;

import io.micronaut.http.HttpRequest;
import io.sealtrail.anomaly.lifecycle.AlertCommands;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The audit entry of one triage command: the authenticated caller as actor, target {@code
 * alert:<id>}, the request's {@code X-Request-Id} (else a new one), and the digests of the alert's
 * JSON before and as the command makes it (its transition stamped with the command's time, which is
 * the time the streams stamp it with).
 */
final class AlertAudit {
  static final String REQUEST_ID = "X-Request-Id";

  private AlertAudit() {}

  static AuditEntry entry(
      HttpRequest<?> request, String action, Alert before, AlertCommand command, Instant at) {
    Alert after = AlertCommands.applyTo(command, before, at);
    return new AuditEntry(
        Caller.of(request).name(),
        action,
        "alert:" + before.getAlertId(),
        request.getHeaders().findFirst(REQUEST_ID).orElseGet(() -> UUID.randomUUID().toString()),
        at,
        digest(before),
        digest(after));
  }

  private static String digest(Alert alert) {
    return AuditEntry.digest(AlertJson.write(alert).getBytes(StandardCharsets.UTF_8));
  }
}
