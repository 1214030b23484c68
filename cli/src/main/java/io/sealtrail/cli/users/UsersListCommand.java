package io.sealtrail.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.AdminOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sealtrail users list}: every user with roles, status and expiry; never a token. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the users: name, roles, status (active, expired, revoked), expiry, creator.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "1:refused token", "2:service unavailable"})
final class UsersListCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Option(names = "--json", description = "Print the service's JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      return new AdminClient(admin).call("GET", "/v1/users", null, out, err);
    }
    StringWriter answer = new StringWriter();
    int exit = new AdminClient(admin).call("GET", "/v1/users", null, new PrintWriter(answer), err);
    if (exit == AdminClient.EXIT_OK) {
      table(JSON.readTree(answer.toString()).path("users"), out);
    }
    return exit;
  }

  static void table(JsonNode users, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "ROLES", "STATUS", "EXPIRES", "CREATED BY"});
    for (JsonNode user : users) {
      List<String> roles = new ArrayList<>();
      user.path("roles").forEach(r -> roles.add(r.asText()));
      rows.add(
          new String[] {
            user.path("name").asText(),
            String.join(",", roles),
            user.path("status").asText(),
            user.path("expiresAt").isNull() ? "never" : user.path("expiresAt").asText(),
            user.path("createdBy").asText()
          });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(
            i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
