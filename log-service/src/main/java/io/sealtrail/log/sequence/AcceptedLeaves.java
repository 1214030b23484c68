package io.sealtrail.log.sequence;

import io.sealtrail.avro.event.EnvelopeSignature;
import io.sealtrail.avro.event.SignedEnvelope;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The leaf of an accepted event. {@code custody.events} keeps the envelope decoded, not the JSON
 * bytes a partner sent (whose spacing, field order and base64 alphabet may vary), so the envelope
 * bytes a leaf hashes are its canonical DSSE JSON: {@link EnvelopeJson#write} — {@code
 * {"payloadType":…,"payload":…,"signatures":[{"keyid":…,"sig":…}]}}, no whitespace, fields in this
 * order, standard padded base64, {@code keyid} left out when absent. Anyone holding the envelope in
 * any form decodes it and writes it this way to recompute the leaf; the Java client sends exactly
 * these bytes.
 */
public final class AcceptedLeaves {
  private AcceptedLeaves() {}

  public static AcceptedEventLeaf of(VerifiedEvent accepted) {
    return AcceptedEventLeaf.of(
        accepted.getEvent().getPartnerId(),
        accepted.getEvent().getEventId(),
        canonicalEnvelope(accepted.getEnvelope()),
        accepted.getReceivedAt());
  }

  /** The canonical JSON bytes of an envelope as {@code custody.events} holds it. */
  public static byte[] canonicalEnvelope(SignedEnvelope envelope) {
    List<io.sealtrail.trust.dsse.EnvelopeSignature> signatures =
        envelope.getSignatures().stream().map(AcceptedLeaves::signature).toList();
    Envelope decoded =
        new Envelope(envelope.getPayloadType(), bytes(envelope.getPayload()), signatures);
    return EnvelopeJson.write(decoded).getBytes(StandardCharsets.UTF_8);
  }

  private static io.sealtrail.trust.dsse.EnvelopeSignature signature(EnvelopeSignature s) {
    return new io.sealtrail.trust.dsse.EnvelopeSignature(s.getKeyid(), bytes(s.getSig()));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
