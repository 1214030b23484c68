package io.sealtrail.cli.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.AdminOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sealtrail policy set FILE}: replace the policy with the document in FILE. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the policy with the whole document in FILE (as 'sealtrail policy get' prints it)."
          + " The service assigns it the next version, applies it to every event judged after"
          + " it, and records the change in the audit log.",
      "An invalid document changes nothing: the error names the offending field as a JSON"
          + " pointer, e.g. 422 Policy not valid: ... (/transit/min/0/duration)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the new version is in force",
      "1:invalid document or refused token",
      "2:service unavailable"
    })
final class PolicySetCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin AdminOptions admin;

  @Parameters(paramLabel = "FILE", description = "The policy document (JSON).")
  Path file;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    JsonNode document;
    try {
      document = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      err.println("no such file: " + file);
      err.flush();
      return AdminClient.EXIT_REFUSED;
    } catch (JsonProcessingException e) {
      err.println(file + " is not JSON: " + e.getOriginalMessage());
      err.flush();
      return AdminClient.EXIT_REFUSED;
    }
    return new AdminClient(admin)
        .call("PUT", "/v1/policy", document, spec.commandLine().getOut(), err);
  }
}
