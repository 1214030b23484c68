package io.sealtrail.trust.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * ECDSA P-256/SHA-256 verification of DER signatures with Bouncy Castle's lightweight API.
 * StandardDSAEncoding refuses non-DER encodings, including raw r||s.
 */
final class EcdsaP256Verifier extends PublicKeyVerifier {
  private final ECPublicKeyParameters key;

  EcdsaP256Verifier(ECPublicKeyParameters key, byte[] spkiDer) {
    super(spkiDer);
    this.key = key;
  }

  @Override
  public KeyAlgorithm algorithm() {
    return KeyAlgorithm.ECDSA_P256;
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (signature == null) {
      return false;
    }
    // A signer object holds a running digest, so each call gets its own: that keeps this
    // thread-safe.
    DSADigestSigner signer =
        new DSADigestSigner(new ECDSASigner(), new SHA256Digest(), StandardDSAEncoding.INSTANCE);
    signer.init(false, key);
    signer.update(message, 0, message.length);
    return signer.verifySignature(signature);
  }
}
