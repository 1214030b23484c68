package io.sealtrail.trust.crypto;

import java.util.Arrays;

/** What every {@link Verifier} shares: its encoded key, keyid, and equality by key. */
abstract class PublicKeyVerifier implements Verifier {
  private final byte[] spkiDer;
  private final KeyId keyId;

  PublicKeyVerifier(byte[] spkiDer) {
    this.spkiDer = spkiDer.clone();
    this.keyId = KeyId.ofSubjectPublicKeyInfo(spkiDer);
  }

  @Override
  public final KeyId keyId() {
    return keyId;
  }

  @Override
  public final byte[] subjectPublicKeyInfo() {
    return spkiDer.clone();
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof PublicKeyVerifier that && Arrays.equals(spkiDer, that.spkiDer);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(spkiDer);
  }

  @Override
  public String toString() {
    return algorithm().shortName() + " key " + keyId;
  }
}
