package io.sealtrail.cli.query;

import picocli.CommandLine.Command;

/** {@code sealtrail alerts ack ALERT_ID [--note TEXT]}. */
@Command(
    name = "ack",
    aliases = "acknowledge",
    mixinStandardHelpOptions = true,
    description = {
      "Acknowledge an OPEN alert: someone is on it (an acknowledged alert is not escalated).",
      "Token: local mode's secops token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:taken",
      "1:unknown alert, not OPEN (409), refused token",
      "2:service unreachable or not ready (retry)"
    })
public final class AlertsAckCommand extends AlertActionCommand {
  @Override
  String action() {
    return "acknowledge";
  }

  @Override
  String done() {
    return "acknowledged";
  }
}
