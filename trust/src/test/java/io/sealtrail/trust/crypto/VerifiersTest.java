package io.sealtrail.trust.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.trust.testing.Fixtures;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;

class VerifiersTest {

  @Test
  void shouldNameTheSupportedAlgorithmsWhenRefusingAnRsaKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] rsaSpki = generator.generateKeyPair().getPublic().getEncoded();

    assertThatThrownBy(() -> Verifiers.forKey(rsaSpki))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("1.2.840.113549.1.1.1")
        .hasMessageContaining("ed25519")
        .hasMessageContaining("p256");
  }

  @Test
  void shouldNameTheSupportedAlgorithmsWhenRefusingAP384Key() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    byte[] p384Spki = generator.generateKeyPair().getPublic().getEncoded();

    assertThatThrownBy(() -> Verifiers.forKey(p384Spki))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("unsupported EC curve")
        .hasMessageContaining("p256");
  }

  @Test
  void shouldRefuseWithAKeyExceptionWhenTheCurveIsAMalformedUtf8String() {
    byte[] spki = Fixtures.newKey(KeyAlgorithm.ECDSA_P256).subjectPublicKeyInfo();
    byte[] prime256v1 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    int at = indexOf(spki, prime256v1);
    spki[at] = 0x0C; // UTF8String tag, with content bytes that are not UTF-8
    spki[at + 2] = (byte) 0xFF;

    assertThatThrownBy(() -> Verifiers.forKey(spki))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("unsupported EC curve (");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("curve OID not found");
  }

  @Test
  void shouldRefuseBytesThatAreNotAPublicKey() {
    assertThatThrownBy(() -> Verifiers.forKey(new byte[] {1, 2, 3}))
        .isInstanceOf(KeyFormatException.class);
  }

  @Test
  void shouldPickTheAlgorithmFromTheKeyWhenBothKindsAreGiven() {
    Signer ed = Fixtures.ed25519();
    Signer ec = Fixtures.p256();

    Verifier edVerifier = Verifiers.forKey(ed.subjectPublicKeyInfo());
    Verifier ecVerifier = Verifiers.forKey(ec.subjectPublicKeyInfo());

    assertThat(edVerifier.algorithm()).isEqualTo(KeyAlgorithm.ED25519);
    assertThat(ecVerifier.algorithm()).isEqualTo(KeyAlgorithm.ECDSA_P256);
    assertThat(edVerifier.keyId()).isEqualTo(ed.keyId());
    assertThat(ecVerifier.verify("m".getBytes(), ec.sign("m".getBytes()))).isTrue();
  }

  @Test
  void shouldComputeTheKeyIdAsHexSha256OfTheSpki() {
    byte[] spki = Fixtures.ed25519().subjectPublicKeyInfo();

    KeyId keyId = KeyId.ofSubjectPublicKeyInfo(spki);

    assertThat(keyId.hex())
        .matches("[0-9a-f]{64}")
        .isEqualTo(java.util.HexFormat.of().formatHex(KeyId.sha256(spki)));
  }

  @Test
  void shouldRefuseAnUppercaseKeyId() {
    assertThatThrownBy(() -> new KeyId("AB".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldVerifyWithoutAnyJcaLookup() throws Exception {
    Signer ed = Fixtures.ed25519();
    Signer ec = Fixtures.p256();
    byte[] message = {1, 2, 3};
    byte[] edSig = ed.sign(message);
    byte[] ecSig = ec.sign(message);
    Verifier edVerifier = Verifiers.forKey(ed.subjectPublicKeyInfo());
    Verifier ecVerifier = Verifiers.forKey(ec.subjectPublicKeyInfo());
    LookupSpy spy = new LookupSpy();
    Security.insertProviderAt(spy, 1);
    try {
      MessageDigest.getInstance("SHA-256");
      assertThat(spy.lookups).as("the spy sees a lookup").contains("MessageDigest.SHA-256");
      spy.lookups.clear();
      assertThat(edVerifier.verify(message, edSig)).isTrue();
      assertThat(ecVerifier.verify(message, ecSig)).isTrue();
    } finally {
      Security.removeProvider(spy.getName());
    }

    assertThat(spy.lookups).as("JCA services looked up while verifying").isEmpty();
  }

  /**
   * Every JCA getInstance asks each provider in order for the service, so one at the head of the
   * list sees every lookup made on this thread.
   */
  private static final class LookupSpy extends Provider {
    private final Thread owner = Thread.currentThread();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    LookupSpy() {
      super("sealtrail-lookup-spy", "1", "records JCA service lookups");
    }

    @Override
    public synchronized Service getService(String type, String algorithm) {
      if (Thread.currentThread() == owner) {
        lookups.add(type + "." + algorithm);
      }
      return null;
    }
  }

  @Test
  void shouldSignAndVerifyWithoutRegisteringAJcaProvider() {
    Signer signer = Fixtures.p256();

    boolean valid = signer.verifier().verify(new byte[] {1}, signer.sign(new byte[] {1}));

    assertThat(valid).isTrue();
    assertThat(java.security.Security.getProvider("BC")).isNull();
  }

  @Test
  void shouldRefuseAP256KeyWithACompressedPointNamingTheCanonicalForm() throws Exception {
    Signer signer = Fixtures.p256();
    byte[] canonical = signer.subjectPublicKeyInfo();
    ECPublicKeyParameters key = (ECPublicKeyParameters) PublicKeyFactory.createKey(canonical);
    byte[] compressed =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, X9ObjectIdentifiers.prime256v1),
                key.getQ().getEncoded(true))
            .getEncoded(ASN1Encoding.DER);

    assertThatThrownBy(() -> Verifiers.forKey(compressed))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("non-canonical p256")
        .hasMessageContaining(Base64.getEncoder().encodeToString(canonical));
  }

  @Test
  void shouldRefuseAnEd25519KeyWithExplicitNullParameters() throws Exception {
    byte[] canonical = Fixtures.ed25519().subjectPublicKeyInfo();
    byte[] point = SubjectPublicKeyInfo.getInstance(canonical).getPublicKeyData().getOctets();
    byte[] withNull =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519, DERNull.INSTANCE), point)
            .getEncoded(ASN1Encoding.DER);

    assertThatThrownBy(() -> Verifiers.forKey(withNull))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("non-canonical ed25519")
        .hasMessageContaining(Base64.getEncoder().encodeToString(canonical));
  }

  @Test
  void shouldAcceptTheCanonicalEncodingUnchanged() {
    Signer signer = Fixtures.p256();

    Verifier verifier = Verifiers.forKey(signer.subjectPublicKeyInfo());

    assertThat(verifier.subjectPublicKeyInfo()).isEqualTo(signer.subjectPublicKeyInfo());
  }
}
