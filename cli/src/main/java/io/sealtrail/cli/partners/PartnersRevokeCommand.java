package io.sealtrail.cli.partners;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealtrail partners revoke}: revokes one key of a partner, now or from an instant, with an
 * optional reason and the alert it answers (kept with the revocation; a second revoke keeps the
 * first's).
 */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke a partner's key: submissions received from then on are REVOKED_KEY.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:revoked", "1:refused (unknown key, token)", "2:service unavailable"})
final class PartnersRevokeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Parameters(index = "0", paramLabel = "PARTNER", description = "The partner id.")
  String partnerId;

  @Parameters(index = "1", paramLabel = "KEYID", description = "The key's id (hex SHA-256).")
  String keyid;

  @Option(
      names = "--at",
      paramLabel = "RFC3339",
      description = "When it takes effect (default: now).")
  String at;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why (1 to 500 characters); kept with the revocation and shown by show.")
  String reason;

  @Option(
      names = "--alert",
      paramLabel = "ALERT_ID",
      description = "The alert the revocation answers; kept with it.")
  String alert;

  @Override
  public Integer call() throws Exception {
    var body = new ObjectMapper().createObjectNode();
    if (at != null) {
      body.put("at", at);
    }
    if (reason != null) {
      body.put("reason", reason);
    }
    if (alert != null) {
      body.put("alertId", alert);
    }
    String path = "/v1/partners/" + partnerId + "/keys/" + keyid + "/revoke";
    return new AdminClient(admin)
        .call("POST", path, body, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
