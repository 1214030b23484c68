package io.sealtrail.trust.crypto;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

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
    KeyAlgorithm algorithm = algorithmOf(spki.getAlgorithm());
    AsymmetricKeyParameter key;
    byte[] canonical;
    try {
      key =
          algorithm == KeyAlgorithm.ED25519
              ? new Ed25519PublicKeyParameters(spki.getPublicKeyData().getOctets())
              : PublicKeyFactory.createKey(spki);
      canonical =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("invalid " + algorithm.shortName() + " public key", e);
    }
    requireCanonical(spkiDer, canonical, algorithm);
    if (algorithm == KeyAlgorithm.ED25519) {
      return new Ed25519Verifier((Ed25519PublicKeyParameters) key, canonical);
    }
    return new EcdsaP256Verifier((ECPublicKeyParameters) key, canonical);
  }

  // The keyid hashes the SPKI bytes, so one public key in two encodings (a compressed P-256
  // point, Ed25519 with explicit NULL parameters) would be two keyids: two "distinct" keys for a
  // threshold, and a revocation of one leaving the other. Only the canonical form is accepted.
  private static void requireCanonical(byte[] given, byte[] canonical, KeyAlgorithm algorithm) {
    if (!Arrays.equals(given, canonical)) {
      throw new KeyFormatException(
          "non-canonical "
              + algorithm.shortName()
              + " SubjectPublicKeyInfo; expected the DER form "
              + (algorithm == KeyAlgorithm.ED25519
                  ? "without algorithm parameters"
                  : "with the named curve and an uncompressed point")
              + " (openssl pkey -pubout -outform DER writes it): "
              + Base64.getEncoder().encodeToString(canonical));
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
              + describe(identifier.getParameters())
              + "; supported: "
              + KeyAlgorithm.supportedNames());
    }
    throw new UnsupportedKeyException(
        "unsupported key type (algorithm OID "
            + oid
            + "); supported: "
            + KeyAlgorithm.supportedNames());
  }

  // Untrusted ASN.1 is named by its type, never by toString(): Bouncy Castle's toString() decodes
  // the content (a malformed UTF8String throws while the message is being built).
  private static String describe(ASN1Encodable parameters) {
    if (parameters == null) {
      return "(none)";
    }
    return parameters instanceof ASN1ObjectIdentifier
        ? parameters.toString()
        : "(" + parameters.getClass().getSimpleName() + ")";
  }

  private static SubjectPublicKeyInfo parse(byte[] spkiDer) {
    // Bouncy Castle reports malformed ASN.1 with assorted runtime exceptions (even a
    // NullPointerException for empty input): for untrusted bytes they all mean "not a key".
    // It also parses nested structures lazily, so re-encoding here surfaces every defect now
    // rather than as a stray IllegalArgumentException later.
    try {
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(spkiDer);
      spki.getEncoded(ASN1Encoding.DER);
      return spki;
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("not a DER SubjectPublicKeyInfo", e);
    }
  }

  static byte[] encode(SubjectPublicKeyInfo spki) {
    try {
      return spki.getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("cannot DER-encode the public key", e);
    }
  }
}
