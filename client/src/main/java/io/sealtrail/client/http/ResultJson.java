package io.sealtrail.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.client.Outcome;
import io.sealtrail.client.Receipt;

/** Reads one element of the {@code results} array of a {@code POST /v1/events} answer. */
final class ResultJson {
  private ResultJson() {}

  /** The outcome in {@code result}; {@code eventId} names it when the answer does not. */
  static Outcome outcome(JsonNode result, String eventId) throws PlatformUnavailableException {
    String status = result.path("status").asText();
    String id = result.hasNonNull("eventId") ? result.get("eventId").asText() : eventId;
    switch (status) {
      case "accepted":
        return new Outcome.Accepted(
            id, result.path("partition").asInt(), offset(result), receipt(result.get("receipt")));
      case "duplicate":
        return new Outcome.Duplicate(id, result.path("partition").asInt(), offset(result));
      case "rejected":
        return new Outcome.Rejected(
            id,
            result.path("reason").asText(),
            text(result, "field"),
            result.hasNonNull("signatureIndex") ? result.get("signatureIndex").asInt() : null,
            text(result, "detail"));
      default:
        // An answer the client cannot read is no answer: the envelope stays to be resent.
        throw new PlatformUnavailableException(
            "unknown result status '" + status + "'", null, null);
    }
  }

  private static Receipt receipt(JsonNode receipt) {
    if (receipt == null || !receipt.hasNonNull("leafHash")) {
      return null;
    }
    return new Receipt(receipt.get("leafHash").asText(), text(receipt, "inclusionProof"));
  }

  private static long offset(JsonNode result) {
    return result.path("offset").asLong();
  }

  private static String text(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).asText() : null;
  }
}
