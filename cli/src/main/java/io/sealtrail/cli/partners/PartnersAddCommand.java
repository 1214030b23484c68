package io.sealtrail.cli.partners;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sealtrail partners add}: registers a partner, or replaces its registration. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = "Register a partner (or update it): its roles, sites and public keys.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:registered", "1:refused (invalid field, token)", "2:service unavailable"})
final class PartnersAddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Option(names = "--id", required = true, description = "The partner id.")
  String partnerId;

  @Option(names = "--role", paramLabel = "ROLE", description = "A role, e.g. MANUFACTURER; repeat.")
  List<String> roles = List.of();

  @Option(
      names = "--site",
      paramLabel = "SITE",
      description = "A site it may report from; none: any.")
  List<String> sites = List.of();

  @Option(
      names = "--key",
      required = true,
      paramLabel = "PUB.pem",
      description = "PEM public key (SubjectPublicKeyInfo); repeat for several.")
  List<Path> keys;

  @Override
  public Integer call() throws Exception {
    List<String> pems = new ArrayList<>();
    for (Path key : keys) {
      pems.add(Files.readString(key));
    }
    ObjectNode body = Registration.json(partnerId, roles, sites, pems);
    var out = spec.commandLine().getOut();
    return new AdminClient(admin)
        .call("POST", "/v1/partners", body, out, spec.commandLine().getErr());
  }
}
