package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.evidence.verify.ChainLink;
import io.sealtrail.trust.dsse.StrictBase64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-verifies a serial's history as an auditor would, offline and against itself: each payload
 * hashes to its {@code payloadSha256}, and each link is {@code hex(SHA-256(previous ||
 * payloadSha256))} from the genesis on. Keeps the links so that a state read at another moment can
 * be placed on the chain. The DSSE signatures are not checked: that needs the partners' keys.
 */
final class ChainCheck {
  private final List<String> links;
  private final Optional<String> problem;

  private ChainCheck(List<String> links, Optional<String> problem) {
    this.links = links;
    this.problem = problem;
  }

  static ChainCheck of(JsonNode history) {
    List<String> links = new ArrayList<>();
    String link = history.path("genesis").asText();
    for (JsonNode entry : history.path("events")) {
      JsonNode event = entry.path("event");
      // As received: the standard or the URL-safe alphabet, both DSSE.
      byte[] payload = StrictBase64.decode(event.at("/envelope/payload").asText(), "payload");
      String sha = ChainLink.sha256Hex(payload);
      if (!sha.equals(event.path("payloadSha256").asText())) {
        return broken(links, entry, "payload does not hash to its payloadSha256");
      }
      link = ChainLink.next(link, sha);
      if (!link.equals(entry.path("chainHash").asText())) {
        return broken(links, entry, "chain link does not follow");
      }
      links.add(link);
    }
    return new ChainCheck(links, Optional.empty());
  }

  private static ChainCheck broken(List<String> links, JsonNode entry, String what) {
    return new ChainCheck(links, Optional.of("event " + entry.path("sequence") + ": " + what));
  }

  /** The first break in the history itself, or nothing. */
  Optional<String> problem() {
    return problem;
  }

  /** The last verified link; the genesis side is never a head a state could show. */
  String head() {
    return links.isEmpty() ? "" : links.get(links.size() - 1);
  }

  /** Whether {@code stateHead} is a verified link: the state was read at or before the history. */
  boolean holds(String stateHead) {
    return links.contains(stateHead);
  }

  /** How many verified events came after {@code stateHead}; call only when it {@link #holds}. */
  int eventsAfter(String stateHead) {
    return links.size() - 1 - links.indexOf(stateHead);
  }
}
