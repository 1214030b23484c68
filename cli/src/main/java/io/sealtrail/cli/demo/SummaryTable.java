package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/** Prints the demo's summary: submissions, each injected case's detection, false alerts, recall. */
final class SummaryTable {
  private static final int TRACE_ROWS = 8;
  private static final int FALSE_ROWS = 10;

  private final PrintWriter out;

  SummaryTable(PrintWriter out) {
    this.out = out;
  }

  void print(
      Scenario scenario, SubmissionTally tally, SendRate rate, Detections d, JsonNode trace) {
    out.printf("%n== Sealtrail demo: run %s, %,d devices%n", scenario.run(), scenario.devices());
    out.printf(
        "Sent %,d events in %.1f s: %,.0f events/s (signed beforehand in %.1f s)%n",
        rate.events(),
        rate.sending().toMillis() / 1000.0,
        rate.perSecond(),
        rate.signing().toMillis() / 1000.0);
    out.printf(
        "Events: %,d accepted, %,d duplicate, %,d rejected%s%n",
        tally.accepted(), tally.duplicates(), tally.rejectedTotal(), reasons(tally.rejected()));
    out.printf("%nInjected case                              Detected  Alert%n");
    for (Detections.Detected c : d.cases()) {
      String alert =
          c.alert()
              .map(s -> s.alert().getType() + "  " + s.alert().getAlertId())
              .orElse(
                  "none (expected "
                      + c.injected().expected()
                      + " on "
                      + c.injected().subject()
                      + ")");
      String after = c.after().map(SummaryTable::seconds).map(t -> "  after " + t).orElse("");
      out.printf(
          "  %-40s %-8s  %s%s%n", c.injected().name(), c.found() ? "yes" : "NO", alert, after);
    }
    out.printf("%nDetected %d of %d cases.%n", d.detectedCount(), d.cases().size());
    out.printf(
        "Also raised by the cases: %d (each burst device's ATTESTATION_FAILED; the bursts' spikes"
            + " by site, firmware, lot, supplier, key; a substituted carton's clone suspicion)%s%n",
        d.alsoExplained().size(), cohorts(d));
    out.printf(
        "Expected noise: %d ATTESTATION_FAILED (isolated failures at customer sites).%n",
        d.noise().size());
    if (d.unexplained().isEmpty()) {
      out.println("False alerts: none.");
    } else {
      out.printf("False alerts: %d%n", d.unexplained().size());
      d.unexplained().stream()
          .limit(FALSE_ROWS)
          .forEach(s -> out.printf("  %s  %s%n", s.alert().getAlertId(), s.alert().getSummary()));
      if (d.unexplained().size() > FALSE_ROWS) {
        out.printf("  ... %d more: sealtrail alerts%n", d.unexplained().size() - FALSE_ROWS);
      }
    }
    if (d.earlier() > 0) {
      out.printf("(%d alerts about serials of earlier runs were left aside.)%n", d.earlier());
    }
    printTrace(scenario.faultyLot(), trace);
    out.flush();
  }

  private void printTrace(String lot, JsonNode trace) {
    out.printf("%nRecall: lot %s is declared faulty. ", lot);
    if (trace == null) {
      out.println("Its trace could not be read.");
      return;
    }
    JsonNode devices = trace.path("devices");
    out.printf("Supplier %s, %d devices:%n", trace.path("supplier").asText("-"), devices.size());
    for (int i = 0; i < Math.min(TRACE_ROWS, devices.size()); i++) {
      JsonNode dev = devices.get(i);
      out.printf(
          "  %-16s  %-12s  %-12s  %-18s  firmware %s%n",
          dev.path("serial").asText(),
          dev.path("status").asText("-"),
          dev.path("site").asText("-"),
          dev.path("custodian").asText("-"),
          dev.path("firmwareVersion").asText("-"));
    }
    if (devices.size() > TRACE_ROWS) {
      out.printf("  ... %d more: sealtrail trace %s --csv%n", devices.size() - TRACE_ROWS, lot);
    }
  }

  private static String cohorts(Detections d) {
    var spikes =
        d.alsoExplained().stream()
            .filter(
                s -> s.alert().getType() != io.sealtrail.avro.common.AlertType.ATTESTATION_FAILED)
            .flatMap(s -> SpikeCohorts.of(s.alert()).stream())
            .distinct()
            .sorted()
            .toList();
    return spikes.isEmpty() ? "" : ": " + String.join(", ", spikes);
  }

  private static String reasons(Map<String, Long> rejected) {
    if (rejected.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" (");
    rejected.forEach(
        (reason, n) -> s.append(s.length() > 2 ? ", " : "").append(reason).append(' ').append(n));
    return s.append(')').toString();
  }

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
