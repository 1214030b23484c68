package io.sealtrail.trust;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.event.EventHeader;
import io.sealtrail.trust.event.EventHeaders;
import io.sealtrail.trust.event.MalformedEventException;
import java.util.Objects;
import java.util.Optional;

/**
 * A submitted envelope read once, with everything each verification step needs from its bytes: the
 * envelope or why it cannot be one, the first signature's keyid as written, and the event header
 * the payload claims or why it cannot be read. Reading is the strict reading of {@link
 * EnvelopeJson} and {@link EventHeaders}; nothing later parses the bytes again, so no two steps can
 * read one submission two ways.
 */
public final class ParsedEnvelope {
  private static final String EVENT = SubmissionVerifier.EVENT_PAYLOAD_TYPE;
  private final Envelope envelope;
  private final MalformedEnvelopeException envelopeDefect;
  private final String firstKeyId;
  private final JsonNode payload;
  private final EventHeader claimed;
  private final MalformedEventException headerDefect;
  private final String payloadType;

  private ParsedEnvelope(
      Envelope envelope,
      MalformedEnvelopeException envelopeDefect,
      String firstKeyId,
      JsonNode payload,
      EventHeader claimed,
      MalformedEventException headerDefect,
      String payloadType) {
    this.envelope = envelope;
    this.envelopeDefect = envelopeDefect;
    this.firstKeyId = firstKeyId;
    this.payload = payload;
    this.claimed = claimed;
    this.headerDefect = headerDefect;
    this.payloadType = payloadType;
  }

  /** Reads the JSON envelope {@code json} exactly as received; never throws for bad input. */
  public static ParsedEnvelope parse(byte[] json) {
    JsonNode root;
    try {
      root = EnvelopeJson.tree(json);
    } catch (MalformedEnvelopeException e) {
      return new ParsedEnvelope(null, e, null, null, null, null, EVENT);
    }
    String keyId = firstKeyId(root);
    try {
      return of(EnvelopeJson.read(root), keyId);
    } catch (MalformedEnvelopeException e) {
      return new ParsedEnvelope(null, e, keyId, null, null, null, EVENT);
    }
  }

  /** An envelope already decoded, its payload read once here. */
  public static ParsedEnvelope of(Envelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    String keyId = envelope.signatures().isEmpty() ? null : envelope.signatures().get(0).keyid();
    return of(envelope, keyId);
  }

  private static ParsedEnvelope of(Envelope envelope, String firstKeyId) {
    try {
      JsonNode payload = EventHeaders.tree(envelope.payload());
      try {
        return new ParsedEnvelope(
            envelope, null, firstKeyId, payload, EventHeaders.parse(payload), null, EVENT);
      } catch (MalformedEventException e) {
        return new ParsedEnvelope(envelope, null, firstKeyId, payload, null, e, EVENT);
      }
    } catch (MalformedEventException e) {
      return new ParsedEnvelope(envelope, null, firstKeyId, null, null, e, EVENT);
    }
  }

  /**
   * A custody event carried by a signed document of another payload type (an EPCIS capture: the
   * partner signed the EPCIS document, and {@code event} is what one of its events means). The
   * envelope's signatures are verified over its own payload as signed; the header, policy and
   * schema are judged on {@code event}, read here like a payload. Only ingest derives such events,
   * from a payload of {@code payloadType} it has verified to mean them.
   */
  public static ParsedEnvelope carrying(Envelope envelope, String payloadType, JsonNode event) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(payloadType, "payloadType");
    String keyId = envelope.signatures().isEmpty() ? null : envelope.signatures().get(0).keyid();
    if (event == null || !event.isObject()) {
      return new ParsedEnvelope(
          envelope,
          null,
          keyId,
          null,
          null,
          new MalformedEventException("$", "an event is a JSON object"),
          payloadType);
    }
    try {
      return new ParsedEnvelope(
          envelope, null, keyId, event, EventHeaders.parse(event), null, payloadType);
    } catch (MalformedEventException e) {
      return new ParsedEnvelope(envelope, null, keyId, event, null, e, payloadType);
    }
  }

  /**
   * The payload type this reading expects of the envelope: {@link
   * SubmissionVerifier#EVENT_PAYLOAD_TYPE}, or the carrying document's ({@link #carrying}).
   */
  public String payloadType() {
    return payloadType;
  }

  private static String firstKeyId(JsonNode root) {
    JsonNode keyid = root == null ? null : root.path("signatures").path(0).path("keyid");
    return keyid != null && keyid.isTextual() ? keyid.textValue() : null;
  }

  /** The decoded envelope, unless it is malformed. */
  public Optional<Envelope> envelope() {
    return Optional.ofNullable(envelope);
  }

  /** Why the bytes are no envelope, when they are not. */
  public Optional<MalformedEnvelopeException> envelopeDefect() {
    return Optional.ofNullable(envelopeDefect);
  }

  /**
   * The keyid of the first signature as written, whenever the bytes are a JSON object that has one,
   * even if the envelope is malformed otherwise: named in rejections that blame no key.
   */
  public Optional<String> firstKeyId() {
    return Optional.ofNullable(firstKeyId);
  }

  /**
   * The payload as a JSON object, when it is one: for reading the rest of the event without parsing
   * it again. Callers must not change it.
   */
  public Optional<JsonNode> payload() {
    return Optional.ofNullable(payload);
  }

  /**
   * The event header the payload claims, when it can be read. Not authenticated: trust it only as
   * far as {@link SubmissionVerifier} verified it.
   */
  public Optional<EventHeader> claimed() {
    return Optional.ofNullable(claimed);
  }

  /** Why the claimed header cannot be read, when the envelope is readable and it cannot. */
  public Optional<MalformedEventException> headerDefect() {
    return Optional.ofNullable(headerDefect);
  }
}
