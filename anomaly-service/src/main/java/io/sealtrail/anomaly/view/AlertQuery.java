package io.sealtrail.anomaly.view;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.time.Instant;

/**
 * The filters of {@code GET /v1/alerts}, each null when not given; all must hold.
 *
 * @param severity the least severity listed
 * @param since alerts last seen at or after it
 * @param until alerts first seen before it
 */
public record AlertQuery(
    AlertType type,
    Severity severity,
    AlertStatus status,
    String serial,
    String site,
    Instant since,
    Instant until,
    int limit) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public AlertQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  public boolean matches(Alert a) {
    return (type == null || a.getType() == type)
        && (severity == null || a.getSeverity().ordinal() >= severity.ordinal())
        && (status == null || a.getStatus() == status)
        && (serial == null || concerns(a, serial))
        && (site == null || at(a, site))
        && (since == null || !a.getLastSeenAt().isBefore(since))
        && (until == null || a.getFirstSeenAt().isBefore(until));
  }

  private static boolean concerns(Alert a, String serial) {
    boolean subject =
        a.getSubject().getKind() == SubjectKind.SERIAL && a.getSubject().getId().equals(serial);
    return subject || a.getEvidence().stream().anyMatch(e -> serial.equals(e.getSerial()));
  }

  private static boolean at(Alert a, String site) {
    boolean subject =
        a.getSubject().getKind() == SubjectKind.SITE && a.getSubject().getId().equals(site);
    return subject || site.equals(a.getAttributes().get("site"));
  }
}
