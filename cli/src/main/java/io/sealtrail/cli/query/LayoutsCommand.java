package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail layouts}: read and change a product's process layout, the steps its devices must
 * pass in order (custody-stream raises PROCESS_DEVIATION for a device that does not).
 */
@Command(
    name = "layouts",
    mixinStandardHelpOptions = true,
    description = {
      "Process layouts: per product, the steps a device must pass, in order, each with the event"
          + " type, the roles allowed, a threshold of distinct partners and constraints."
          + " custody-stream raises PROCESS_DEVIATION (HIGH) for a device that skips a step, does"
          + " one out of order or by a role the step does not allow. A product without a layout of"
          + " its own follows the default layout (version 0).",
      "Token: local mode's admin token unless --token or --token-file (get: any reading role)."
    },
    subcommands = {LayoutsCommand.Get.class, LayoutsCommand.Set.class})
public final class LayoutsCommand {

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print the layout in force for PRODUCT (JSON), its version and who set it.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:printed", "1:refused token", "2:service unreachable or not ready (retry)"})
  static final class Get extends QueryCommand {
    @Parameters(paramLabel = "PRODUCT", description = "The product, as ASSEMBLED names it.")
    String product;

    @Override
    void run() throws IOException {
      JsonNode layout = access.client("admin").json(Paths.of("/v1/layouts/", product, ""));
      out().println(json ? layout.toString() : layout.toPrettyString());
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Make FILE (a layout document: {\"steps\":[{\"name\",\"type\",\"roles\",\"threshold\","
            + "\"optional\",\"repeatable\",\"requires\":[{\"require\":\"after\"|\"attestedSince\""
            + "|\"sealed\",\"type\"}]}],\"bomRevisions\":{REV:[steps]}}) PRODUCT's next layout"
            + " version. It applies to events received from now on. Put \"version\": N (the"
            + " version you read) in FILE to refuse the change if someone changed it since.",
        "A mistake is refused with the JSON pointer of the offending value."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:set",
        "1:refused (invalid document, changed since, token or role)",
        "2:service unreachable or not ready (retry)"
      })
  static final class Set extends QueryCommand {
    @Parameters(index = "0", paramLabel = "PRODUCT", description = "The product.")
    String product;

    @Parameters(index = "1", paramLabel = "FILE", description = "The layout document (JSON).")
    Path file;

    @Override
    void run() throws IOException {
      String document;
      try {
        document = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      JsonNode layout = access.client("admin").put(Paths.of("/v1/layouts/", product, ""), document);
      if (json) {
        out().println(layout.toString());
        return;
      }
      out()
          .printf(
              "%s: layout version %d set by %s at %s (%d steps)%n",
              product,
              layout.path("version").asLong(),
              layout.path("changedBy").asText("-"),
              layout.path("changedAt").asText("-"),
              layout.path("steps").size());
    }
  }
}
