package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sealtrail serial}: one serial's custody state and its history, re-verified here. */
@Command(
    name = "serial",
    mixinStandardHelpOptions = true,
    description = {
      "Show a serial's custody state and its history, with the hash chain re-verified locally.",
      "Verified here: each event's payload hashes to its payloadSha256, each link is"
          + " SHA-256(previous link || payloadSha256) from the genesis on, and the state's head is a"
          + " link of that chain (events that arrived between the two reads are fine).",
      "Not verified here: the events' DSSE signatures (that needs the partners' public keys;"
          + " ingest checked them on receipt).",
      "Token: local mode's recall token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown, history verified",
      "1:unknown serial, refused token, or a history that does not verify",
      "2:service unreachable or not ready (retry)"
    })
public final class SerialCommand extends QueryCommand {
  @Parameters(paramLabel = "SERIAL", description = "A device, container or lot serial.")
  String serial;

  @Option(
      names = "--epcis",
      description =
          "Print the history as a GS1 EPCIS 2.0 JSON-LD document instead (each event linked to its"
              + " signed original; the chain is not re-verified).")
  boolean epcis;

  @Override
  void run() throws IOException {
    QueryClient client = access.client("recall");
    if (epcis) {
      String path = Paths.of("/v1/serials/", serial, "/history") + "?format=epcis";
      out().println(client.text(path, "application/ld+json"));
      return;
    }
    JsonNode state = client.json(Paths.of("/v1/serials/", serial, ""));
    String stateHead = state.path("chainHash").asText();
    JsonNode history = client.json(Paths.of("/v1/serials/", serial, "/history"));
    ChainCheck chain = ChainCheck.of(history);
    if (chain.problem().isEmpty() && !chain.holds(stateHead)) {
      // The history may come from a replica behind the state's: read it once more before
      // calling the difference a break.
      history = client.json(Paths.of("/v1/serials/", serial, "/history"));
      chain = ChainCheck.of(history);
    }
    Optional<String> problem = problemOf(chain, stateHead);
    if (json) {
      printJson(asJson(state, history, problem, chain));
    } else {
      print(state, history, problem, chain, stateHead);
    }
    if (problem.isPresent()) {
      throw new QueryFailure(serial + ": history does not verify", QueryFailure.REFUSED);
    }
  }

  // The service's state and history as they came, with this command's own verdict on the chain.
  private static JsonNode asJson(
      JsonNode state, JsonNode history, Optional<String> problem, ChainCheck chain) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.set("state", state);
    answer.set("history", history);
    ObjectNode verified = answer.putObject("verification");
    verified.put("verified", problem.isEmpty());
    verified.put("head", chain.head());
    problem.ifPresent(p -> verified.put("problem", p));
    return answer;
  }

  private void print(
      JsonNode state,
      JsonNode history,
      Optional<String> problem,
      ChainCheck chain,
      String stateHead) {
    printState(state);
    String verdict =
        problem.isPresent() ? "NOT VERIFIED: " + problem.get() : verified(chain, stateHead);
    out().printf("History (%d events; %s):%n", history.path("events").size(), verdict);
    for (JsonNode entry : history.path("events")) {
      JsonNode e = entry.at("/event/event");
      out()
          .printf(
              "  %3d  %-20s  %-18s  %-18s  %-12s  %s%n",
              entry.path("sequence").asLong(),
              e.path("occurredAt").asText(),
              e.path("type").asText(),
              e.path("partnerId").asText(),
              e.path("site").asText(),
              e.path("eventId").asText());
    }
  }

  private static Optional<String> problemOf(ChainCheck chain, String stateHead) {
    if (chain.problem().isPresent() || chain.holds(stateHead)) {
      return chain.problem();
    }
    return Optional.of(
        "the state's head "
            + stateHead
            + " is no link of the history, which ends at "
            + chain.head());
  }

  private static String verified(ChainCheck chain, String stateHead) {
    int later = chain.eventsAfter(stateHead);
    String since = later == 0 ? "" : " (" + later + " event(s) newer than the state above)";
    return "hash chain verified, head " + chain.head() + since;
  }

  private void printState(JsonNode s) {
    out()
        .printf(
            "%s  %s  %s at %s (custodian %s)%n",
            s.path("serial").asText(),
            s.path("kind").asText(),
            s.path("status").asText(),
            s.path("site").asText("-"),
            s.path("custodian").asText("-"));
    out()
        .printf(
            "  product %s, firmware %s, seal %s%s, container %s%n",
            s.path("product").asText("-"),
            s.at("/firmware/version").asText("-"),
            s.path("sealId").asText("-"),
            s.path("sealIntact").asBoolean(true) ? "" : " (BROKEN)",
            s.path("container").asText("-"));
    out()
        .printf(
            "  last seen %s (%s), attestation %s #%s%n",
            s.path("lastSeenAt").asText("-"),
            s.path("lastEventType").asText("-"),
            s.path("lastAttestation").asText("-"),
            s.path("attestationCounter").asText("-"));
  }
}
