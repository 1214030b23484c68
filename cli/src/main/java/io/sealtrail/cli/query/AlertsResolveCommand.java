package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealtrail alerts resolve ALERT_ID --outcome OUTCOME --note TEXT}. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve an alert with how it was judged and why.",
      "Token: local mode's secops token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:taken",
      "1:unknown alert, already resolved (409), an outcome or note refused (400), refused token",
      "2:service unreachable or not ready (retry)"
    })
public final class AlertsResolveCommand extends AlertActionCommand {
  /** The outcomes the service takes. */
  enum Outcome {
    TRUE_POSITIVE,
    FALSE_POSITIVE,
    BENIGN,
    DUPLICATE
  }

  @Option(
      names = "--outcome",
      required = true,
      paramLabel = "OUTCOME",
      description = "How it was judged: ${COMPLETION-CANDIDATES}.")
  Outcome outcome;

  @Override
  String action() {
    return "resolve";
  }

  @Override
  String done() {
    return "resolved as " + outcome;
  }

  @Override
  void fill(ObjectNode body) {
    body.put("outcome", outcome.name());
    if (!body.has("note")) {
      // The service refuses a resolution without a note (400, field /note): say so here first.
      throw new IllegalArgumentException("--note is required: say why it is resolved");
    }
  }
}
