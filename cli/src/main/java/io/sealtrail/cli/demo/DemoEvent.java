package io.sealtrail.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.Envelope;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One custody event of the demo, not yet signed: its JSON, how it will be signed, and when it is
 * sent relative to the others ({@code sendAt}, its occurrence time unless it is reported late).
 */
public record DemoEvent(ObjectNode json, Signing signing, Instant sendAt) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NAMING_FIELDS = List.of("contents", "manifest", "scanned");

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

  /**
   * Every serial this event is about: its subject and the serials its detail names (a container's
   * contents, a shipment's manifest, a receipt's scan). Custody-stream applies a container's event
   * to what it names, so those serials' earlier events must reach it first.
   */
  public Set<String> serials() {
    Set<String> serials = new LinkedHashSet<>();
    serials.add(subject());
    for (String field : NAMING_FIELDS) {
      detail().path(field).forEach(named -> serials.add(named.asText()));
    }
    return serials;
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
