package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail holds}: place, list and release containment holds, or hold what an alert is
 * about (its serial, the serial's lots, its firmware image) with the alert linked.
 */
@Command(
    name = "holds",
    mixinStandardHelpOptions = true,
    description = {
      "Containment holds: custody-stream raises HOLD_VIOLATION (CRITICAL) for every event received"
          + " while a hold covers its serial (the serial, a lot or serial it was built from, a"
          + " flashed image). Events are still accepted.",
      "Token: local mode's secops token unless --token or --token-file."
    },
    subcommands = {
      HoldsCommand.Place.class,
      HoldsCommand.ListHolds.class,
      HoldsCommand.Release.class,
      HoldsCommand.FromAlert.class
    })
public final class HoldsCommand {

  /** One hold as one line: id, status, kind, target, who, when, reason. */
  static String line(JsonNode hold) {
    return String.format(
        "%-36s  %-8s  %-8s  %-30s  %-16s  %-24s  %s%s",
        hold.path("holdId").asText("-"),
        hold.path("status").asText("-"),
        hold.path("kind").asText("-"),
        hold.path("id").asText("-"),
        hold.path("placedBy").asText("-"),
        hold.path("placedAt").asText("-"),
        hold.path("reason").asText(""),
        hold.path("alertId").isTextual() ? " (alert " + hold.path("alertId").asText() + ")" : "");
  }

  static String placement(String kind, String id, String reason, String alertId) {
    return "{\"kind\":"
        + QueryClient.quoted(kind)
        + ",\"id\":"
        + QueryClient.quoted(id)
        + ",\"reason\":"
        + QueryClient.quoted(reason)
        + (alertId == null ? "" : ",\"alertId\":" + QueryClient.quoted(alertId))
        + "}";
  }

  @Command(
      name = "place",
      mixinStandardHelpOptions = true,
      description = "Place a hold on a serial, a component lot or a firmware image (its SHA-256).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:placed",
        "1:refused (bad input, token or role)",
        "2:service unreachable or not ready (retry)"
      })
  static final class Place extends QueryCommand {
    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "SERIAL, LOT or FIRMWARE.")
    String kind;

    @Option(
        names = "--id",
        required = true,
        paramLabel = "ID",
        description = "The serial, the lot, or the image's SHA-256 (64 hex digits).")
    String id;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why; kept with the hold.")
    String reason;

    @Option(names = "--alert", paramLabel = "ALERT_ID", description = "The alert the hold answers.")
    String alert;

    @Override
    void run() throws IOException {
      JsonNode hold = access.client("secops").post("/v1/holds", placement(kind, id, reason, alert));
      out().println("placed " + line(hold));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List holds, oldest first.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "1:refused token", "2:service unreachable or not ready (retry)"})
  static final class ListHolds extends QueryCommand {
    @Option(names = "--kind", paramLabel = "KIND", description = "SERIAL, LOT or FIRMWARE.")
    String kind;

    @Option(names = "--status", paramLabel = "STATUS", description = "ACTIVE or RELEASED.")
    String status;

    @Option(names = "--id", paramLabel = "ID", description = "Holds on this serial, lot or image.")
    String id;

    // --json is QueryCommand's: a second one here made picocli refuse the whole command tree.

    @Override
    void run() throws IOException {
      StringBuilder q = new StringBuilder();
      param(q, "kind", kind);
      param(q, "status", status);
      param(q, "id", id);
      JsonNode answer = access.client("secops").json("/v1/holds" + q);
      if (json) {
        out().println(answer.toPrettyString());
        return;
      }
      JsonNode holds = answer.path("holds");
      out().printf("%d holds%n", holds.size());
      holds.forEach(h -> out().println(line(h)));
    }

    private static void param(StringBuilder q, String name, String value) {
      if (value != null) {
        q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(Paths.encoded(value));
      }
    }
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description = "Release a hold: later events are no longer flagged.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:released",
        "1:refused (unknown hold, already released, token or role)",
        "2:service unreachable or not ready (retry)"
      })
  static final class Release extends QueryCommand {
    @Parameters(paramLabel = "HOLD", description = "The hold's id.")
    String holdId;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why it is released.")
    String reason;

    @Override
    void run() throws IOException {
      JsonNode hold =
          access
              .client("secops")
              .post(
                  Paths.of("/v1/holds/", holdId, "/release"),
                  "{\"reason\":" + QueryClient.quoted(reason) + "}");
      out().println("released " + line(hold));
    }
  }

  @Command(
      name = "from-alert",
      mixinStandardHelpOptions = true,
      description = {
        "Hold what an alert is about, the alert linked as the hold's alertId: its serial, the lots"
            + " the serial was built from (from the serial's custody state), or the firmware image"
            + " (the alert's imageSha256, else the image the serial runs).",
        "To revoke the signing key behind an alert: sealtrail partners revoke PARTNER KEYID"
            + " --reason TEXT --alert ALERT_ID (admin)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:placed",
        "1:refused (nothing to hold, bad input, token or role)",
        "2:service unreachable or not ready (retry)"
      })
  static final class FromAlert extends QueryCommand {
    @Parameters(paramLabel = "ALERT_ID", description = "The alert's id.")
    String alertId;

    @Option(
        names = "--what",
        required = true,
        paramLabel = "WHAT",
        description = "serial, lots or image.")
    String what;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why; kept with each hold.")
    String reason;

    @Override
    void run() throws IOException {
      QueryClient client = access.client("secops");
      JsonNode alert = client.json(Paths.of("/v1/alerts/", alertId, ""));
      String serial = alert.at("/subject/id").asText("");
      if (!"SERIAL".equals(alert.at("/subject/kind").asText()) || serial.isEmpty()) {
        throw new IllegalArgumentException(
            "alert "
                + alertId
                + " is not about a serial (it is about "
                + alert.at("/subject/kind").asText("?")
                + ")");
      }
      List<String[]> targets = new ArrayList<>();
      switch (what) {
        case "serial" -> targets.add(new String[] {"SERIAL", serial});
        case "lots" ->
            lotsOf(client, serial).forEach(lot -> targets.add(new String[] {"LOT", lot}));
        case "image" -> targets.add(new String[] {"FIRMWARE", imageOf(client, alert, serial)});
        default ->
            throw new IllegalArgumentException("--what is serial, lots or image, got " + what);
      }
      for (String[] target : targets) {
        JsonNode hold = client.post("/v1/holds", placement(target[0], target[1], reason, alertId));
        out().println("placed " + line(hold));
      }
    }

    private static Set<String> lotsOf(QueryClient client, String serial) throws IOException {
      Set<String> lots = new LinkedHashSet<>();
      client
          .json(Paths.of("/v1/serials/", serial, ""))
          .path("components")
          .forEach(c -> lots.add(c.path("lot").asText()));
      lots.remove("");
      if (lots.isEmpty()) {
        throw new IllegalArgumentException(serial + " has no assembled components: no lot to hold");
      }
      return lots;
    }

    private static String imageOf(QueryClient client, JsonNode alert, String serial)
        throws IOException {
      String image = alert.at("/attributes/imageSha256").asText("");
      if (image.isEmpty()) {
        image =
            client
                .json(Paths.of("/v1/serials/", serial, ""))
                .at("/firmware/imageSha256")
                .asText("");
      }
      if (image.isEmpty()) {
        throw new IllegalArgumentException(
            "neither the alert nor " + serial + "'s state names a firmware image");
      }
      return image;
    }
  }
}
