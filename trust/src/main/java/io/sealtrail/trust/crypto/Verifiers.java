package io.sealtrail.trust.crypto;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Picks the {@link Verifier} for a public key from its SubjectPublicKeyInfo, refusing the types
 * Sealtrail does not support.
 */
public final class Verifiers {
  private Verifiers() {}

  /**
   * A verifier for a DER SubjectPublicKeyInfo (Ed25519 or EC P-256).
   *
   * @throws KeyFormatException if the bytes are not a SubjectPublicKeyInfo
   * @throws UnsupportedKeyException if the key is of another type or curve
   */
  public static Verifier forKey(byte[] spkiDer) {
    SubjectPublicKeyInfo spki = parse(spkiDer);
    byte[] der = encode(spki);
    KeyAlgorithm algorithm = algorithmOf(spki.getAlgorithm());
    try {
      if (algorithm == KeyAlgorithm.ED25519) {
        byte[] point = spki.getPublicKeyData().getOctets();
        return new Ed25519Verifier(new Ed25519PublicKeyParameters(point), der);
      }
      return new EcdsaP256Verifier((ECPublicKeyParameters) PublicKeyFactory.createKey(spki), der);
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("invalid " + algorithm.shortName() + " public key", e);
    }
  }

  /**
   * The supported algorithm a SubjectPublicKeyInfo or PrivateKeyInfo algorithm identifier names.
   */
  static KeyAlgorithm algorithmOf(AlgorithmIdentifier identifier) {
    ASN1ObjectIdentifier oid = identifier.getAlgorithm();
    if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      return KeyAlgorithm.ED25519;
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      if (X9ObjectIdentifiers.prime256v1.equals(identifier.getParameters())) {
        return KeyAlgorithm.ECDSA_P256;
      }
      throw new UnsupportedKeyException(
          "unsupported EC curve "
              + identifier.getParameters()
              + "; supported: "
              + KeyAlgorithm.supportedNames());
    }
    throw new UnsupportedKeyException(
        "unsupported key type (algorithm OID "
            + oid
            + "); supported: "
            + KeyAlgorithm.supportedNames());
  }

  private static SubjectPublicKeyInfo parse(byte[] spkiDer) {
    // Bouncy Castle reports malformed ASN.1 with assorted runtime exceptions (even a
    // NullPointerException for empty input): for untrusted bytes they all mean "not a key".
    try {
      return SubjectPublicKeyInfo.getInstance(spkiDer);
    } catch (RuntimeException e) {
      throw new KeyFormatException("not a DER SubjectPublicKeyInfo", e);
    }
  }

  static byte[] encode(SubjectPublicKeyInfo spki) {
    try {
      return spki.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new KeyFormatException("cannot DER-encode the public key", e);
    }
  }
}
