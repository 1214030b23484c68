package io.sealtrail.cli.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.AdminOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sealtrail users add}: creates a named user and prints its token, this once. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description =
        "Create a user with its roles and, optionally, when its access ends. Prints the user with"
            + " its bearer token: it is shown this once and stored only as a hash.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:created", "1:refused (invalid, name taken, token)", "2:service unavailable"})
final class UsersAddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Parameters(index = "0", paramLabel = "NAME", description = "The user's name, e.g. a.kim.")
  String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "admin, secops, recall or auditor; repeat for several.")
  List<String> roles;

  @Option(
      names = "--expires-at",
      paramLabel = "RFC3339",
      description = "When the user's access ends, e.g. 2027-01-31T18:00:00Z (default: never).")
  String expiresAt;

  @Override
  public Integer call() throws Exception {
    var body = new ObjectMapper().createObjectNode();
    body.put("name", name);
    roles.forEach(body.putArray("roles")::add);
    if (expiresAt != null) {
      body.put("expiresAt", expiresAt);
    }
    return new AdminClient(admin)
        .call("POST", "/v1/users", body, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
