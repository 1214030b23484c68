package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealtrail alerts assign ALERT_ID --to NAME [--note TEXT]}. */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    description = {
      "Give an unresolved alert to someone; its status does not change.",
      "Token: local mode's secops token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:taken",
      "1:unknown alert, already resolved (409), refused token",
      "2:service unreachable or not ready (retry)"
    })
public final class AlertsAssignCommand extends AlertActionCommand {
  @Option(
      names = {"--to", "--assignee"},
      required = true,
      paramLabel = "NAME",
      description = "Who the alert goes to.")
  String assignee;

  @Override
  String action() {
    return "assign";
  }

  @Override
  String done() {
    return "assigned to " + assignee;
  }

  @Override
  void fill(ObjectNode body) {
    body.put("assignee", assignee);
  }
}
