package io.sealtrail.trust.crypto;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Builds the {@link Signer} for a PKCS#8 private key, refusing the types Sealtrail does not
 * support.
 */
public final class Signers {
  private Signers() {}

  /**
   * A signer for a DER PKCS#8 PrivateKeyInfo (Ed25519 or EC P-256).
   *
   * @throws KeyFormatException if the bytes are not an unencrypted PKCS#8 key
   * @throws UnsupportedKeyException if the key is of another type or curve
   */
  public static Signer forKey(byte[] pkcs8Der) {
    PrivateKeyInfo info = parse(pkcs8Der);
    KeyAlgorithm algorithm = Verifiers.algorithmOf(info.getPrivateKeyAlgorithm());
    try {
      if (algorithm == KeyAlgorithm.ED25519) {
        return new Ed25519SigningKey(
            (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(info));
      }
      return new EcdsaP256SigningKey((ECPrivateKeyParameters) PrivateKeyFactory.createKey(info));
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("invalid " + algorithm.shortName() + " private key", e);
    }
  }

  private static PrivateKeyInfo parse(byte[] pkcs8Der) {
    // Bouncy Castle parses nested structures lazily: re-encoding surfaces every defect now.
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8Der);
      info.getEncoded(ASN1Encoding.DER);
      return info;
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("not a DER PKCS#8 PrivateKeyInfo", e);
    }
  }
}
