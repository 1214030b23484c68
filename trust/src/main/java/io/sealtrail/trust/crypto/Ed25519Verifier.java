package io.sealtrail.trust.crypto;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 verification with Bouncy Castle's precomputed public point; no per-call key parsing. */
final class Ed25519Verifier extends PublicKeyVerifier {
  private final Ed25519PublicKeyParameters key;

  Ed25519Verifier(Ed25519PublicKeyParameters key, byte[] spkiDer) {
    super(spkiDer);
    this.key = key;
  }

  @Override
  public KeyAlgorithm algorithm() {
    return KeyAlgorithm.ED25519;
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
  }
}
