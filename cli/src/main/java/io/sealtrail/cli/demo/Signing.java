package io.sealtrail.cli.demo;

import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeSignature;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.dsse.Pae;
import java.util.List;

/**
 * How a demo event is signed: honestly by its partners' keys, or forged under a partner's keyid.
 */
public sealed interface Signing {
  Envelope envelope(String payloadType, byte[] payload);

  /** Signed by each key, e.g. a station and its approver. */
  record By(List<Signer> keys) implements Signing {
    public By {
      keys = List.copyOf(keys);
    }

    static By of(DemoPartner... partners) {
      return new By(java.util.Arrays.stream(partners).map(DemoPartner::key).toList());
    }

    @Override
    public Envelope envelope(String payloadType, byte[] payload) {
      return EnvelopeSigner.sign(payloadType, payload, keys);
    }
  }

  /** An attacker's signature presented under the keyid of a registered key: BAD_SIGNATURE. */
  record Forged(String claimedKeyId, Signer attacker) implements Signing {
    @Override
    public Envelope envelope(String payloadType, byte[] payload) {
      byte[] sig = attacker.sign(Pae.encode(payloadType, payload));
      return new Envelope(payloadType, payload, List.of(new EnvelopeSignature(claimedKeyId, sig)));
    }
  }
}
