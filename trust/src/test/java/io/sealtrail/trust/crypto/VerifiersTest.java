package io.sealtrail.trust.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.trust.testing.Fixtures;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
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
  void shouldSignAndVerifyWithoutRegisteringAJcaProvider() {
    Signer signer = Fixtures.p256();

    boolean valid = signer.verifier().verify(new byte[] {1}, signer.sign(new byte[] {1}));

    assertThat(valid).isTrue();
    assertThat(java.security.Security.getProvider("BC")).isNull();
  }
}
