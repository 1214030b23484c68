package io.sealtrail.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.Envelope;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * One custody event of the demo, not yet signed: its JSON, how it will be signed, and when it is
 * sent relative to the others ({@code sendAt}, its occurrence time unless it is reported late).
 */
public record DemoEvent(ObjectNode json, Signing signing, Instant sendAt) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public DemoEvent {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(sendAt, "sendAt");
  }

  public String eventId() {
    return json.path("eventId").asText();
  }

  public String type() {
    return json.path("type").asText();
  }

  public String subject() {
    return json.path("subject").asText();
  }

  public String partnerId() {
    return json.path("partnerId").asText();
  }

  public Instant occurredAt() {
    return Instant.parse(json.path("occurredAt").asText());
  }

  public ObjectNode detail() {
    return (ObjectNode) json.path("detail");
  }

  /** The same event reported {@code late}: sent after events that happened after it. */
  public DemoEvent reportedAt(Instant late) {
    return new DemoEvent(json, signing, late);
  }

  /** A copy with {@code change} applied to a copy of its JSON, e.g. a swapped seal id. */
  public DemoEvent edited(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode copy = json.deepCopy();
    change.accept(copy);
    return new DemoEvent(copy, signing, sendAt);
  }

  public DemoEvent signedWith(Signing other) {
    return new DemoEvent(json, other, sendAt);
  }

  public byte[] payload() {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Envelope envelope() {
    return signing.envelope(SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload());
  }
}
