package io.sealtrail.trust.dsse;

import io.sealtrail.trust.crypto.Signer;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs a payload into a DSSE envelope with one or more keys, each signature carrying its keyid.
 */
public final class EnvelopeSigner {
  private EnvelopeSigner() {}

  public static Envelope sign(String payloadType, byte[] payload, List<? extends Signer> signers) {
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("at least one signing key is needed");
    }
    byte[] pae = Pae.encode(payloadType, payload);
    List<EnvelopeSignature> signatures = new ArrayList<>(signers.size());
    for (Signer signer : signers) {
      signatures.add(new EnvelopeSignature(signer.keyId().hex(), signer.sign(pae)));
    }
    return new Envelope(payloadType, payload, signatures);
  }
}
