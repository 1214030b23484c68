package io.sealtrail.cli.policy;

import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.AdminOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sealtrail policy get}: the policy document in force, with its version. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description =
        "Print the policy in force as JSON, its version included; edit it and give it to"
            + " 'sealtrail policy set'.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "1:refused token", "2:service unavailable"})
final class PolicyGetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Override
  public Integer call() throws Exception {
    return new AdminClient(admin)
        .call("GET", "/v1/policy", null, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
