package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One triage action on an alert ({@code alerts ack|assign|resolve}): POSTs it with the secops token
 * and says so once the service took it (202: the command is in Kafka; the alert's next version
 * shows it). Who acted is the token's identity, never an option.
 */
abstract class AlertActionCommand extends QueryCommand {
  @Parameters(
      paramLabel = "ALERT_ID",
      description = "The alert, e.g. SEAL_BROKEN:DEV-1@1777622400000.")
  String alertId;

  @Option(names = "--note", paramLabel = "TEXT", description = "A note for the alert's history.")
  String note;

  /** The route's last segment: {@code acknowledge}, {@code assign}, {@code resolve}. */
  abstract String action();

  /** What the service took, in words, e.g. {@code acknowledged}. */
  abstract String done();

  /** The body's fields besides the note. */
  void fill(ObjectNode body) {}

  @Override
  final void run() throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (note != null) {
      body.put("note", note);
    }
    fill(body);
    JsonNode answer =
        access
            .client("secops")
            .post(Paths.of("/v1/alerts/", alertId, "/" + action()), body.toString());
    if (json) {
      printJson(answer);
      return;
    }
    out().println(alertId + ": " + done() + " (the alert's next version shows it)");
  }
}
