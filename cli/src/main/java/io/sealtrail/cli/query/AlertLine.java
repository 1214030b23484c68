package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;

/** One alert as one line: when, severity, type, subject, status and summary. */
final class AlertLine {
  private AlertLine() {}

  static String of(JsonNode alert) {
    return String.format(
        "%-24s  %-8s  %-26s  %-28s  %-12s  %s",
        alert.path("lastSeenAt").asText("-"),
        alert.path("severity").asText("-"),
        alert.path("type").asText("-"),
        alert.at("/subject/id").asText("-"),
        alert.path("status").asText("-"),
        alert.path("summary").asText(""));
  }
}
