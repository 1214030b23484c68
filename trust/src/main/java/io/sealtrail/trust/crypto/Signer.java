package io.sealtrail.trust.crypto;

/** Signs messages with one private key; thread-safe. */
public interface Signer {
  KeyAlgorithm algorithm();

  /** The keyid of the matching public key. */
  KeyId keyId();

  /** The DER SubjectPublicKeyInfo of the matching public key. */
  byte[] subjectPublicKeyInfo();

  byte[] sign(byte[] message);

  /** The verifier of the matching public key. */
  default Verifier verifier() {
    return Verifiers.forKey(subjectPublicKeyInfo());
  }
}
