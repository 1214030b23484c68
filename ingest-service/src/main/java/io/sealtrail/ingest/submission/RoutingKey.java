package io.sealtrail.ingest.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.dsse.StrictBase64;
import java.io.IOException;
import java.util.Optional;

/**
 * The key of a submission on the internal submissions topic: the {@code partnerId} read from the
 * (not yet verified) payload. One partner's submissions therefore share one partition, which brings
 * every submission of one {@code (partnerId, eventId)} to the same verifier and its dedup state,
 * and keeps the order the partner sent them in all the way to {@code custody.events} (see ADR
 * 0004). Unreadable envelopes fall back to the first signature's keyid, then to the submission id;
 * they are rejected anyway and never reach dedup.
 */
public final class RoutingKey {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RoutingKey() {}

  public static String of(Submission submission) {
    Optional<JsonNode> envelope = tree(submission.envelope());
    return envelope
        .flatMap(RoutingKey::partnerId)
        .or(() -> envelope.flatMap(RoutingKey::firstKeyId))
        .orElse(submission.submissionId());
  }

  private static Optional<String> partnerId(JsonNode envelope) {
    JsonNode payload = envelope.path("payload");
    if (!payload.isTextual()) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      // Either DSSE alphabet, as trust reads it: a URL-safe payload must meet its dedup state.
      decoded = StrictBase64.decode(payload.textValue(), "payload");
    } catch (MalformedEnvelopeException e) {
      return Optional.empty();
    }
    return tree(decoded)
        .filter(event -> event.path("partnerId").isTextual())
        .map(event -> event.get("partnerId").textValue());
  }

  /** The keyid of the envelope's first signature, if it can be read. */
  public static Optional<String> firstKeyId(byte[] envelope) {
    return tree(envelope).flatMap(RoutingKey::firstKeyId);
  }

  private static Optional<String> firstKeyId(JsonNode envelope) {
    JsonNode keyid = envelope.path("signatures").path(0).path("keyid");
    return keyid.isTextual() ? Optional.of(keyid.textValue()) : Optional.empty();
  }

  private static Optional<JsonNode> tree(byte[] json) {
    try {
      return Optional.ofNullable(JSON.readTree(json)).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
