package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail campaign}: recall campaigns for scripts. Create one from a lot's trace, list and
 * show campaigns with their progress, move a device through {@code OPEN -> NOTIFIED -> RETURNED |
 * REMEDIATED | UNREACHABLE}.
 */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description = {
      "Recall campaigns: the devices a trace found, each tracked OPEN -> NOTIFIED -> RETURNED |"
          + " REMEDIATED | UNREACHABLE with who moved it and when. Kept in Kafka.",
      "Token: local mode's recall token unless --token or --token-file (recall or admin to"
          + " change, auditor and secops to read)."
    },
    subcommands = {
      CampaignCommand.Create.class,
      CampaignCommand.ListCampaigns.class,
      CampaignCommand.Show.class,
      CampaignCommand.Move.class
    })
public final class CampaignCommand {
  private static final String[] STATES = {
    "OPEN", "NOTIFIED", "RETURNED", "REMEDIATED", "UNREACHABLE"
  };

  /** A campaign as one line: id, name, scope, devices, counts per state. */
  static String line(JsonNode campaign) {
    StringBuilder counts = new StringBuilder();
    for (String state : STATES) {
      counts.append(' ').append(state).append('=').append(campaign.at("/counts/" + state).asLong());
    }
    return String.format(
        "%-36s  %-24s  %s %s  %d devices %s",
        campaign.path("campaignId").asText("-"),
        campaign.path("name").asText("-"),
        campaign.path("scope").asText("-"),
        campaign.path("scopeId").asText("-"),
        campaign.path("deviceCount").asLong(),
        counts.toString().trim());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a campaign from a lot's trace: every device built with the lot, OPEN.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:created",
        "1:refused (unknown lot, bad input, token or role)",
        "2:service unreachable or not ready (retry)"
      })
  static final class Create extends QueryCommand {
    @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Its name.")
    String name;

    @ArgGroup(multiplicity = "1")
    Scope scope;

    static final class Scope {
      @Option(names = "--lot", paramLabel = "LOT", description = "Trace from this component lot.")
      String lot;

      @Option(
          names = "--supplier",
          paramLabel = "SUPPLIER",
          description = "Trace from every lot of this supplier.")
      String supplier;

      @Option(
          names = "--image",
          paramLabel = "SHA256",
          description = "Trace the fielded devices running this firmware image.")
      String image;
    }

    @Override
    void run() throws IOException {
      String field =
          scope.lot != null ? "lot" : scope.supplier != null ? "supplier" : "imageSha256";
      String id =
          scope.lot != null ? scope.lot : scope.supplier != null ? scope.supplier : scope.image;
      JsonNode campaign =
          access
              .client("recall")
              .post(
                  "/v1/campaigns",
                  "{\"name\":"
                      + QueryClient.quoted(name)
                      + ",\""
                      + field
                      + "\":"
                      + QueryClient.quoted(id)
                      + "}");
      if (json) {
        out().println(campaign.toPrettyString());
        return;
      }
      out().println("created " + line(campaign));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List campaigns, newest first, with their progress.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "1:refused token", "2:service unreachable or not ready (retry)"})
  static final class ListCampaigns extends QueryCommand {
    @Override
    void run() throws IOException {
      JsonNode answer = access.client("recall").json("/v1/campaigns");
      if (json) {
        out().println(answer.toPrettyString());
        return;
      }
      JsonNode campaigns = answer.path("campaigns");
      out().printf("%d campaigns%n", campaigns.size());
      campaigns.forEach(c -> out().println(line(c)));
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a campaign and the state of each of its devices.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:shown",
        "1:refused (unknown campaign, token)",
        "2:service unreachable or not ready (retry)"
      })
  static final class Show extends QueryCommand {
    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign's id.")
    String campaignId;

    @Override
    void run() throws IOException {
      JsonNode campaign = access.client("recall").json(Paths.of("/v1/campaigns/", campaignId, ""));
      if (json) {
        out().println(campaign.toPrettyString());
        return;
      }
      out().println(line(campaign));
      campaign
          .path("devices")
          .forEach(
              d ->
                  out()
                      .printf(
                          "  %-24s  %-12s  %-16s  %-24s  %s%n",
                          d.path("serial").asText(),
                          d.path("state").asText(),
                          d.path("changedBy").asText("-"),
                          d.path("changedAt").asText("-"),
                          d.path("note").asText("")));
    }
  }

  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description = "Move one device of a campaign to its next state.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:moved",
        "1:refused (illegal move, unknown campaign or device, token or role)",
        "2:service unreachable or not ready (retry)"
      })
  static final class Move extends QueryCommand {
    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "The campaign's id.")
    String campaignId;

    @Parameters(index = "1", paramLabel = "SERIAL", description = "The device's serial.")
    String serial;

    @Option(
        names = "--state",
        required = true,
        paramLabel = "STATE",
        description = "NOTIFIED, RETURNED, REMEDIATED or UNREACHABLE.")
    String state;

    @Option(names = "--note", paramLabel = "TEXT", description = "Kept with the move.")
    String note;

    @Override
    void run() throws IOException {
      JsonNode device =
          access
              .client("recall")
              .post(
                  Paths.of("/v1/campaigns/", campaignId, "/devices/") + Paths.encoded(serial),
                  "{\"state\":"
                      + QueryClient.quoted(state)
                      + (note == null ? "" : ",\"note\":" + QueryClient.quoted(note))
                      + "}");
      out()
          .printf(
              "%s is %s (by %s at %s)%n",
              device.path("serial").asText(),
              device.path("state").asText(),
              device.path("changedBy").asText(),
              device.path("changedAt").asText());
    }
  }
}
