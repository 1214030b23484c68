package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sealtrail trace}: every device built with a lot, and where each is now. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Trace a component lot: every device built with it, its status, site, holder and firmware.",
      "Token: local mode's recall token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:traced",
      "1:unknown lot or refused token",
      "2:service unreachable or not ready (retry)"
    })
public final class TraceCommand extends QueryCommand {
  @Parameters(paramLabel = "LOT", description = "The lot, e.g. LOT-SE-02.")
  String lot;

  @Option(
      names = "--csv",
      description = "Print CSV (RFC 4180), one device a row, for a spreadsheet.")
  boolean csv;

  @Option(
      names = "--epcis",
      description =
          "Print the lot's and its devices' events as one GS1 EPCIS 2.0 JSON-LD document.")
  boolean epcis;

  @Override
  void run() throws IOException {
    QueryClient client = access.client("recall");
    String path = Paths.of("/v1/lots/", lot, "/trace");
    if (epcis) {
      out().println(client.text(path + "?format=epcis", "application/ld+json"));
      return;
    }
    if (csv) {
      out().print(client.text(path + "?format=csv", "text/csv"));
      return;
    }
    JsonNode trace = client.json(path);
    if (json) {
      printJson(trace);
      return;
    }
    print(trace);
  }

  private void print(JsonNode trace) {
    JsonNode devices = trace.path("devices");
    out()
        .printf(
            "Lot %s (supplier %s): %d devices%n",
            trace.path("lot").asText(), trace.path("supplier").asText("-"), devices.size());
    String row = "  %-18s  %-14s  %-12s  %-18s  %-16s  %s%n";
    out().printf(row, "serial", "status", "site", "custodian", "container", "firmware");
    for (JsonNode d : devices) {
      out()
          .printf(
              row,
              d.path("serial").asText(),
              d.path("status").asText("-"),
              d.path("site").asText("-"),
              d.path("custodian").asText("-"),
              d.path("container").asText("-"),
              d.path("firmwareVersion").asText("-"));
    }
  }
}
