package io.sealtrail.trust.crypto;

/**
 * Checks signatures made by one public key. Implementations parse the key once and are thread-safe,
 * so a registry can hold one per registered key.
 */
public interface Verifier {
  KeyAlgorithm algorithm();

  KeyId keyId();

  /** The DER SubjectPublicKeyInfo this verifier checks against. */
  byte[] subjectPublicKeyInfo();

  /**
   * True when {@code signature} is a valid signature of {@code message}; false for any malformed
   * input.
   */
  boolean verify(byte[] message, byte[] signature);
}
