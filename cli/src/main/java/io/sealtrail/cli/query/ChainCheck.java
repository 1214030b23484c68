package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Re-verifies a serial's history as an auditor would, offline: each payload hashes to its {@code
 * payloadSha256}, and each link is {@code hex(SHA-256(previous || payloadSha256))} from the genesis
 * to the state's head. Says what is wrong, or nothing.
 */
final class ChainCheck {
  private ChainCheck() {}

  static Optional<String> problemIn(JsonNode history, String stateHead) {
    String link = history.path("genesis").asText();
    for (JsonNode entry : history.path("events")) {
      JsonNode event = entry.path("event");
      byte[] payload = Base64.getDecoder().decode(event.at("/envelope/payload").asText());
      String sha = hex(sha256(payload));
      if (!sha.equals(event.path("payloadSha256").asText())) {
        return Optional.of(
            "event " + entry.path("sequence") + ": payload does not hash to its payloadSha256");
      }
      link = next(link, sha);
      if (!link.equals(entry.path("chainHash").asText())) {
        return Optional.of("event " + entry.path("sequence") + ": chain link does not follow");
      }
    }
    if (!link.equals(stateHead)) {
      return Optional.of("the history ends at " + link + " but the state's head is " + stateHead);
    }
    return Optional.empty();
  }

  private static String next(String previous, String payloadSha256) {
    HexFormat hex = HexFormat.of();
    byte[] prev = hex.parseHex(previous);
    byte[] sha = hex.parseHex(payloadSha256);
    byte[] both = new byte[prev.length + sha.length];
    System.arraycopy(prev, 0, both, 0, prev.length);
    System.arraycopy(sha, 0, both, prev.length, sha.length);
    return hex(sha256(both));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
