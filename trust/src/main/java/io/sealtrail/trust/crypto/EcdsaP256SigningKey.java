package io.sealtrail.trust.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** ECDSA P-256/SHA-256 signing with deterministic nonces (RFC 6979) and DER output. */
final class EcdsaP256SigningKey extends PrivateKeySigner {
  private final ECPrivateKeyParameters key;

  EcdsaP256SigningKey(ECPrivateKeyParameters key) {
    super(publicKeyOf(key));
    this.key = key;
  }

  @Override
  public KeyAlgorithm algorithm() {
    return KeyAlgorithm.ECDSA_P256;
  }

  @Override
  public byte[] sign(byte[] message) {
    DSADigestSigner signer =
        new DSADigestSigner(
            new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
            new SHA256Digest(),
            StandardDSAEncoding.INSTANCE);
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  private static ECPublicKeyParameters publicKeyOf(ECPrivateKeyParameters key) {
    ECDomainParameters domain = key.getParameters();
    var point = new FixedPointCombMultiplier().multiply(domain.getG(), key.getD()).normalize();
    return new ECPublicKeyParameters(point, domain);
  }
}
