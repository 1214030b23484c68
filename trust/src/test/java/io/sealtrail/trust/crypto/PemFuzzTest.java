package io.sealtrail.trust.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of key import: PEM files (the CLI, partner registration) and the DER
 * structures inside them. Only {@link KeyFormatException} and {@link UnsupportedKeyException} may
 * come out; a key that is read works. Regression corpus: PemFuzzTestInputs/.
 */
class PemFuzzTest {
  private static final byte[] MESSAGE = "fuzz".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest
  void shouldReadOrRefuseWithKeyExceptionWhenGivenAnyPemText(byte[] bytes) {
    String pem = new String(bytes, StandardCharsets.UTF_8);
    byte[] spki = refusedOrRead(() -> Pem.readPublicKey(pem));
    if (spki != null) {
      refusedOrRead(() -> Verifiers.forKey(spki).subjectPublicKeyInfo());
    }
    byte[] pkcs8 = refusedOrRead(() -> Pem.readPrivateKey(pem));
    if (pkcs8 != null) {
      refusedOrRead(() -> Signers.forKey(pkcs8).subjectPublicKeyInfo());
    }
  }

  @FuzzTest
  void shouldReadOnlyCanonicalPublicKeysWhenGivenAnyDer(byte[] der) {
    byte[] read = refusedOrRead(() -> Verifiers.forKey(der).subjectPublicKeyInfo());
    if (read != null) {
      // One public key, one encoding: the keyid hashes exactly the bytes given.
      assertThat(read).isEqualTo(der);
    }
  }

  @FuzzTest
  void shouldReadPrivateKeysThatSignVerifiablyWhenGivenAnyDer(byte[] der) {
    Signer signer;
    try {
      signer = Signers.forKey(der);
    } catch (KeyFormatException | UnsupportedKeyException e) {
      return;
    }
    byte[] signature = signer.sign(MESSAGE);
    assertThat(signer.verifier().verify(MESSAGE, signature)).isTrue();
  }

  private interface Read {
    byte[] read();
  }

  /** What {@code read} returns, or null when it refuses with a key exception; nothing else. */
  private static byte[] refusedOrRead(Read read) {
    try {
      return read.read();
    } catch (KeyFormatException | UnsupportedKeyException e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }
}
