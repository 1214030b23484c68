package io.sealtrail.trust.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 signing with Bouncy Castle; the public key is derived once. */
final class Ed25519SigningKey extends PrivateKeySigner {
  private final Ed25519PrivateKeyParameters key;
  private final Ed25519PublicKeyParameters publicKey;

  Ed25519SigningKey(Ed25519PrivateKeyParameters key) {
    this(key, key.generatePublicKey());
  }

  private Ed25519SigningKey(Ed25519PrivateKeyParameters key, Ed25519PublicKeyParameters publicKey) {
    super(publicKey);
    this.key = key;
    this.publicKey = publicKey;
  }

  @Override
  public KeyAlgorithm algorithm() {
    return KeyAlgorithm.ED25519;
  }

  @Override
  public byte[] sign(byte[] message) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    key.sign(Ed25519.Algorithm.Ed25519, publicKey, null, message, 0, message.length, signature, 0);
    return signature;
  }
}
