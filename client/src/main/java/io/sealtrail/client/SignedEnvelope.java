package io.sealtrail.client;

import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.event.EventHeaders;
import io.sealtrail.trust.event.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope ready to send, as the exact JSON text every attempt sends: a retry resends these
 * bytes, same eventId and same signatures, so the platform answers {@code duplicate}.
 *
 * @param json the envelope JSON, one line
 * @param eventId the id of the event inside, to name it in outcomes
 */
public record SignedEnvelope(String json, String eventId) {
  /** The largest envelope the platform takes (ingest's {@code MAX_ENVELOPE_BYTES}). */
  public static final int MAX_BYTES = 512 * 1024;

  public SignedEnvelope {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(eventId, "eventId");
    int size = json.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          "envelope of event " + eventId + " is " + size + " bytes, above " + MAX_BYTES);
    }
    if (json.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("envelope JSON must be one line (NDJSON)");
    }
  }

  /** Signs {@code event} with every key in {@code signers} (co-signatures after the first). */
  public static SignedEnvelope sign(CustodyEvent event, List<? extends Signer> signers) {
    return sign(event.toJson(), signers);
  }

  /**
   * Signs an event payload exactly as given, byte for byte; throws IllegalArgumentException when
   * its common header cannot be read (no eventId, unknown type, ...).
   */
  public static SignedEnvelope sign(byte[] payload, List<? extends Signer> signers) {
    return of(EnvelopeSigner.sign(SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload, signers));
  }

  /** An envelope signed elsewhere, e.g. co-signed by an approver. */
  public static SignedEnvelope of(Envelope envelope) {
    return new SignedEnvelope(EnvelopeJson.write(envelope), eventIdOf(envelope.payload()));
  }

  /** The envelope read back from its JSON, e.g. from the outbox. */
  public static SignedEnvelope read(String json) {
    try {
      Envelope envelope = EnvelopeJson.read(json.getBytes(StandardCharsets.UTF_8));
      return new SignedEnvelope(json, eventIdOf(envelope.payload()));
    } catch (MalformedEnvelopeException e) {
      throw new IllegalArgumentException("not a DSSE envelope: " + e.getMessage(), e);
    }
  }

  /** The partner the event inside claims to be from. */
  public String partnerId() {
    try {
      Envelope envelope = EnvelopeJson.read(json.getBytes(StandardCharsets.UTF_8));
      return EventHeaders.parse(envelope.payload()).partnerId();
    } catch (MalformedEnvelopeException | MalformedEventException e) {
      throw new IllegalArgumentException("not a custody event: " + e.getMessage(), e);
    }
  }

  private static String eventIdOf(byte[] payload) {
    try {
      return EventHeaders.parse(payload).eventId();
    } catch (MalformedEventException e) {
      throw new IllegalArgumentException("not a custody event: " + e.getMessage(), e);
    }
  }
}
