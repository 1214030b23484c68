package io.sealtrail.trust.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.trust.testing.Openssl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void shouldRoundTripGeneratedKeysThroughPem(KeyAlgorithm algorithm) {
    KeyPairs.Generated generated = KeyPairs.generate(algorithm, new SecureRandom());

    String privatePem = Pem.writePrivateKey(generated.privateKeyPkcs8());
    String publicPem = Pem.writePublicKey(generated.publicKeySpki());

    assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(Pem.readPrivateKey(privatePem)).isEqualTo(generated.privateKeyPkcs8());
    assertThat(Pem.readPublicKey(publicPem)).isEqualTo(generated.publicKeySpki());
    assertThat(Signers.forKey(Pem.readPrivateKey(privatePem)).keyId()).isEqualTo(generated.keyId());
  }

  @Test
  void shouldRefuseAnEncryptedPkcs8KeyWithTheCommandThatDecryptsIt() throws IOException {
    Openssl.assumeInstalled();
    new Openssl(dir).generateEncryptedKey("enc.pem");

    String pem = Files.readString(dir.resolve("enc.pem"));

    assertThat(pem).contains("ENCRYPTED PRIVATE KEY");
    assertThatThrownBy(() -> Pem.readPrivateKey(pem))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("encrypted private keys are not supported")
        .hasMessageContaining("openssl pkey");
  }

  @Test
  void shouldReadAnOpensslSec1EcKeyWithItsParametersBlock() throws IOException {
    Openssl.assumeInstalled();
    new Openssl(dir).run("ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.pem");

    Signer signer = Signers.forKey(Pem.readPrivateKey(Files.readString(dir.resolve("sec1.pem"))));

    assertThat(signer.algorithm()).isEqualTo(KeyAlgorithm.ECDSA_P256);
  }

  @Test
  void shouldSayWhichKindWasFoundWhenAPrivateKeyIsGivenForAPublicOne() {
    String privatePem =
        Pem.writePrivateKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());

    assertThatThrownBy(() -> Pem.readPublicKey(privatePem))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("expected a PEM PUBLIC KEY, found a private key");
  }

  @Test
  void shouldRefuseTextWithoutAPemBlock() {
    assertThatThrownBy(() -> Pem.readPublicKey("hello"))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("no PEM key block found");
  }
}
