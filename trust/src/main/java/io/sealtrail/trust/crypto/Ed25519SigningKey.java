package io.sealtrail.trust.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 signing with Bouncy Castle, which caches the public key inside the private one. */
final class Ed25519SigningKey extends PrivateKeySigner {
  private final Ed25519PrivateKeyParameters key;

  Ed25519SigningKey(Ed25519PrivateKeyParameters key) {
    super(key.generatePublicKey());
    this.key = key;
  }

  @Override
  public KeyAlgorithm algorithm() {
    return KeyAlgorithm.ED25519;
  }

  @Override
  public byte[] sign(byte[] message) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    return signature;
  }
}
