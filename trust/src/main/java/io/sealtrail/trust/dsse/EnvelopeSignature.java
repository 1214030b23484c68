package io.sealtrail.trust.dsse;

import java.util.Arrays;
import java.util.Objects;

/**
 * One DSSE signature: the raw signature bytes and the optional, unauthenticated keyid hint.
 *
 * @param keyid lowercase hex SHA-256 of the signer's SubjectPublicKeyInfo, or null when absent
 */
public record EnvelopeSignature(String keyid, byte[] sig) {
  public EnvelopeSignature {
    Objects.requireNonNull(sig, "sig");
    sig = sig.clone();
  }

  @Override
  public byte[] sig() {
    return sig.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnvelopeSignature that
        && Objects.equals(keyid, that.keyid)
        && Arrays.equals(sig, that.sig);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(keyid) + Arrays.hashCode(sig);
  }

  @Override
  public String toString() {
    return "EnvelopeSignature[keyid=" + keyid + ", sig=" + sig.length + " bytes]";
  }
}
