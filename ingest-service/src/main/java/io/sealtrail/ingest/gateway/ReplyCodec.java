package io.sealtrail.ingest.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.RejectionReason;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The wire form of a {@link SubmissionResult} on the internal replies topic (keyed by submission
 * id): a small JSON object, so an operator can read the topic with the console consumer.
 */
public final class ReplyCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplyCodec() {}

  public static byte[] encode(SubmissionResult result) {
    ObjectNode node = JSON.createObjectNode();
    if (result instanceof SubmissionResult.Accepted accepted) {
      located(
          node.put("outcome", "ACCEPTED"),
          accepted.eventId(),
          accepted.partition(),
          accepted.offset());
      if (accepted.receipt() != null) {
        node.putObject("receipt")
            .put("partnerId", accepted.receipt().partnerId())
            .put("leafHash", accepted.receipt().leafHash());
      }
    } else if (result instanceof SubmissionResult.Duplicate duplicate) {
      located(
          node.put("outcome", "DUPLICATE"),
          duplicate.eventId(),
          duplicate.partition(),
          duplicate.offset());
    } else {
      SubmissionResult.Rejected rejected = (SubmissionResult.Rejected) result;
      node.put("outcome", "REJECTED").put("reason", rejected.reason().name());
      node.put("field", rejected.field()).put("signatureIndex", rejected.signatureIndex());
      node.put("detail", rejected.detail());
    }
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a reply; throws {@link IllegalArgumentException} for bytes this class did not write. */
  public static SubmissionResult decode(byte[] bytes) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a reply: " + e.getMessage(), e);
    }
    String outcome = node.path("outcome").asText();
    return switch (outcome) {
      case "ACCEPTED" ->
          new SubmissionResult.Accepted(
              required(node, "eventId"),
              node.path("partition").asInt(),
              node.path("offset").asLong(),
              receipt(node));
      case "DUPLICATE" ->
          new SubmissionResult.Duplicate(
              required(node, "eventId"),
              node.path("partition").asInt(),
              node.path("offset").asLong());
      case "REJECTED" -> rejected(node);
      default -> throw new IllegalArgumentException("not a reply outcome: " + outcome);
    };
  }

  /** The receipt of an accepted event; a reply written before receipts has none. */
  private static Receipt receipt(JsonNode node) {
    JsonNode receipt = node.get("receipt");
    if (receipt == null || receipt.isNull()) {
      return null;
    }
    return new Receipt(
        required(receipt, "partnerId"), required(node, "eventId"), required(receipt, "leafHash"));
  }

  private static SubmissionResult.Rejected rejected(JsonNode node) {
    JsonNode index = node.path("signatureIndex");
    return new SubmissionResult.Rejected(
        RejectionReason.valueOf(required(node, "reason")),
        textOrNull(node.get("field")),
        index.isInt() ? index.asInt() : null,
        required(node, "detail"));
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("reply lacks " + field);
    }
    return value.textValue();
  }

  private static void located(ObjectNode node, String eventId, int partition, long offset) {
    node.put("eventId", eventId).put("partition", partition).put("offset", offset);
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
