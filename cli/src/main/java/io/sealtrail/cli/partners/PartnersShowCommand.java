package io.sealtrail.cli.partners;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sealtrail partners show}: prints a partner's registration with its keyids. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a partner: roles, sites, keys with keyid, validity and revocation.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "1:unknown partner or refused token", "2:service unavailable"})
final class PartnersShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Parameters(index = "0", paramLabel = "PARTNER", description = "The partner id.")
  String partnerId;

  @Override
  public Integer call() throws Exception {
    return new AdminClient(admin)
        .call(
            "GET",
            "/v1/partners/" + partnerId,
            null,
            spec.commandLine().getOut(),
            spec.commandLine().getErr());
  }
}
