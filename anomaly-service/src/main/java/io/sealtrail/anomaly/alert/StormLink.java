package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import java.time.Instant;

/**
 * A link from a device incident to the spike whose window counted its failure: the spike's alert id
 * and that window. Travels and is kept as {@code <startMillis> <endMillis> <spikeAlertId>}. A
 * device alert raised after the link came belongs to the spike only if it began in the window.
 */
public record StormLink(String spikeAlertId, Instant windowStart, Instant windowEnd) {
  public static StormLink parse(String value) {
    String[] parts = value.split(" ", 3);
    return new StormLink(
        parts[2],
        Instant.ofEpochMilli(Long.parseLong(parts[0])),
        Instant.ofEpochMilli(Long.parseLong(parts[1])));
  }

  public String format() {
    return windowStart.toEpochMilli() + " " + windowEnd.toEpochMilli() + " " + spikeAlertId;
  }

  /** Whether {@code alert}, raised after this link arrived, is the failure the window counted. */
  boolean covers(Alert alert) {
    Instant first = alert.getFirstSeenAt();
    return !first.isBefore(windowStart) && first.isBefore(windowEnd);
  }
}
