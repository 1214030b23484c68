package io.sealtrail.evidence.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A bundle's event decoded once: its envelope bytes, the envelope, the signed payload as JSON and
 * its receipt. What the checks read about an event comes from the signed payload, never from the
 * bundle's own copy of a field.
 */
record ReadEvent(
    String serial,
    EvidenceBundle.Event entry,
    byte[] envelopeBytes,
    Envelope envelope,
    JsonNode payload,
    Instant receivedAt) {

  /** The event's name in a failure: {@code DEV-1 event ev-3 (acme)}. */
  String item() {
    return serial + " event " + entry.eventId() + " (" + entry.partnerId() + ")";
  }

  String type() {
    return payload.path("type").asText();
  }

  String payloadSha256() {
    return ChainLink.sha256Hex(envelope.payload());
  }

  /** The event decoded, or a failure naming what cannot be read. */
  static Optional<ReadEvent> read(
      String serial, EvidenceBundle.Event entry, java.util.List<Failure> failures) {
    String item = serial + " event " + entry.eventId() + " (" + entry.partnerId() + ")";
    try {
      byte[] bytes = Base64.getDecoder().decode(entry.envelope());
      Envelope envelope = EnvelopeJson.read(bytes);
      if (!EnvelopeJson.write(envelope).equals(new String(bytes, StandardCharsets.UTF_8))) {
        failures.add(
            new Failure(
                item,
                "the envelope is not in its canonical JSON form, which the log's leaf hashes"));
      }
      JsonNode payload = StrictJson.read(envelope.payload());
      if (payload == null || !payload.isObject()) {
        failures.add(new Failure(item, "the signed payload is not a JSON object"));
        return Optional.empty();
      }
      if (!entry.partnerId().equals(payload.path("partnerId").asText())
          || !entry.eventId().equals(payload.path("eventId").asText())) {
        failures.add(
            new Failure(
                item,
                "the signed payload is event "
                    + payload.path("eventId").asText()
                    + " of "
                    + payload.path("partnerId").asText()
                    + ", not the one the bundle names"));
      }
      return Optional.of(
          new ReadEvent(
              serial, entry, bytes, envelope, payload, Instant.parse(entry.receivedAt())));
    } catch (RuntimeException e) {
      failures.add(new Failure(item, "unreadable: " + e.getMessage()));
      return Optional.empty();
    }
  }
}
