package io.sealtrail.cli.users;

import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.AdminOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sealtrail users revoke}: revokes a user; its token is refused from then on. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description =
        "Revoke a user: its token is refused at once by the node that answers and by every other"
            + " node as soon as it has read the revocation. The name stays taken.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:revoked", "1:refused (unknown user, token)", "2:service unavailable"})
final class UsersRevokeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
  String name;

  @Override
  public Integer call() throws Exception {
    String path = "/v1/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/revoke";
    return new AdminClient(admin)
        .call("POST", path, null, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
