package io.sealtrail.epcis.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.EnvelopeSignature;
import io.sealtrail.avro.event.Signer;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.Vocabulary;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * What ties an exported EPCIS event to the custody event it shows: the partner's event id, type and
 * identity, the SHA-256 of the signed payload (the event's identity in Sealtrail's evidence and
 * hash chain), the key ids whose signatures verified, and the DSSE envelope itself, so the EPCIS
 * event can be re-verified offline against its signed original.
 */
final class SignedOriginal {
  private SignedOriginal() {}

  static void addTo(EpcisEvent event, VerifiedEvent verified) {
    CustodyEvent custody = verified.getEvent();
    ArrayNode keyIds = EpcisEvent.JSON.arrayNode();
    verified.getSigners().stream().map(Signer::getKeyId).forEach(keyIds::add);
    event
        .ext("custodyEventId", custody.getEventId())
        .ext("custodyEventType", custody.getType().name())
        .ext("partnerId", custody.getPartnerId())
        .ext("operator", custody.getOperator())
        .ext("payloadSha256", verified.getPayloadSha256())
        .ext("signerKeyIds", keyIds)
        .ext("envelope", envelope(verified));
  }

  private static ObjectNode envelope(VerifiedEvent verified) {
    ObjectNode envelope = EpcisEvent.JSON.objectNode();
    envelope.put(Vocabulary.ext("payloadType"), verified.getEnvelope().getPayloadType());
    envelope.put(Vocabulary.ext("payload"), base64(verified.getEnvelope().getPayload()));
    ArrayNode signatures = envelope.putArray(Vocabulary.ext("signatures"));
    for (EnvelopeSignature signature : verified.getEnvelope().getSignatures()) {
      ObjectNode sig = signatures.addObject();
      if (signature.getKeyid() != null) {
        sig.put(Vocabulary.ext("keyid"), signature.getKeyid());
      }
      sig.put(Vocabulary.ext("sig"), base64(signature.getSig()));
    }
    return envelope;
  }

  static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
