package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sealtrail report response [--from T] [--to T] [--csv|--json]}: the response report (GET
 * /v1/reports/response) as a table, CSV or the service's JSON.
 */
@Command(
    name = "response",
    mixinStandardHelpOptions = true,
    description = {
      "How security operations responded, per alert type and severity: incidents, outcomes,"
          + " escalations, storm alerts folded under a spike, and the time to detect (from receipt"
          + " and from occurrence), to acknowledge and to resolve (p50, p90).",
      "Token: local mode's secops token unless --token or --token-file (an auditor's works too)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown",
      "1:refused token or an unreadable time",
      "2:service unreachable or not ready (retry)"
    })
public final class ReportResponseCommand extends QueryCommand {
  static final List<String> OUTCOMES =
      List.of("TRUE_POSITIVE", "FALSE_POSITIVE", "BENIGN", "DUPLICATE", "UNRESOLVED", "UNKNOWN");

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "Alerts raised at or after this RFC 3339 time (default: 30 days before --to).")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "Alerts raised before this RFC 3339 time (default: now).")
  Instant to;

  @Option(names = "--csv", description = "Print CSV (RFC 4180), one row per type and severity.")
  boolean csv;

  @Override
  void run() throws IOException {
    if (csv && json) {
      throw new IllegalArgumentException("--csv and --json exclude each other");
    }
    StringBuilder path = new StringBuilder("/v1/reports/response");
    if (from != null) {
      path.append("?from=").append(Paths.encoded(from.toString()));
    }
    if (to != null) {
      path.append(from == null ? '?' : '&').append("to=").append(Paths.encoded(to.toString()));
    }
    JsonNode report = access.client("secops").json(path.toString());
    if (json) {
      printJson(report);
    } else if (csv) {
      csv(report);
    } else {
      table(report);
    }
  }

  private void csv(JsonNode report) {
    List<String> header =
        new ArrayList<>(List.of("type", "severity", "incidents", "escalated", "folded"));
    OUTCOMES.forEach(o -> header.add(o.toLowerCase()));
    header.addAll(
        List.of(
            "detect_from_receipt_p50_s",
            "detect_from_receipt_p90_s",
            "detect_from_occurrence_p50_s",
            "detect_from_occurrence_p90_s",
            "acknowledge_p50_s",
            "acknowledge_p90_s",
            "resolve_p50_s",
            "resolve_p90_s"));
    out().print(String.join(",", header) + "\r\n");
    for (JsonNode row : report.path("rows")) {
      List<String> cells = new ArrayList<>();
      cells.add(row.path("type").asText());
      cells.add(row.path("severity").asText());
      cells.add(row.path("incidents").asText());
      cells.add(row.path("escalated").asText());
      cells.add(row.path("folded").asText());
      OUTCOMES.forEach(o -> cells.add(row.path("outcomes").path(o).asText("0")));
      for (JsonNode times : times(row)) {
        cells.add(seconds(times.path("p50Seconds")));
        cells.add(seconds(times.path("p90Seconds")));
      }
      out().print(String.join(",", cells) + "\r\n");
    }
  }

  private void table(JsonNode report) {
    out()
        .printf(
            "Response %s .. %s (times p50/p90 in seconds; - where none)%n",
            report.path("from").asText(), report.path("to").asText());
    String line = "  %-26s  %-8s  %9s  %9s  %-34s  %-15s  %-15s  %-15s  %-15s%n";
    out()
        .printf(
            line,
            "type",
            "severity",
            "incidents",
            "escalated",
            "outcomes",
            "detect(receipt)",
            "detect(occur.)",
            "acknowledge",
            "resolve");
    for (JsonNode row : report.path("rows")) {
      List<String> outcomes = new ArrayList<>();
      row.path("outcomes")
          .fields()
          .forEachRemaining(e -> outcomes.add(e.getKey() + " " + e.getValue().asText()));
      List<JsonNode> times = times(row);
      out()
          .printf(
              line,
              row.path("type").asText(),
              row.path("severity").asText(),
              row.path("incidents").asText(),
              row.path("escalated").asText(),
              String.join(", ", outcomes),
              pair(times.get(0)),
              pair(times.get(1)),
              pair(times.get(2)),
              pair(times.get(3)));
    }
  }

  private static List<JsonNode> times(JsonNode row) {
    return List.of(
        row.at("/timeToDetect/fromReceipt"),
        row.at("/timeToDetect/fromOccurrence"),
        row.path("timeToAcknowledge"),
        row.path("timeToResolve"));
  }

  private static String pair(JsonNode times) {
    return seconds(times.path("p50Seconds"), "-") + "/" + seconds(times.path("p90Seconds"), "-");
  }

  private static String seconds(JsonNode value) {
    return seconds(value, "");
  }

  private static String seconds(JsonNode value, String none) {
    return value.isNumber() ? value.asText() : none;
  }
}
