package io.sealtrail.trust.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.testing.Fixtures;
import io.sealtrail.trust.testing.Openssl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Envelopes signed by {@code openssl pkeyutl} verify here, and envelopes signed here verify with
 * openssl.
 */
class OpensslInteropTest {
  private static final byte[] EVENT =
      Fixtures.event("SCANNED", "acme", "plant-1").getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private Openssl openssl;

  @BeforeEach
  void requireOpenssl() {
    Openssl.assumeInstalled();
    openssl = new Openssl(dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void shouldVerifyAnEnvelopeSignedWithOpensslPkeyutl(String algorithm) throws IOException {
    openssl.generateKey(algorithm, "partner");
    Envelope unsigned = new Envelope(Fixtures.EVENT_TYPE, EVENT, List.of());
    Files.write(dir.resolve("pae.bin"), unsigned.pae());
    openssl.sign(algorithm, "partner.key.pem", "pae.bin", "sig.bin");
    Verifier verifier =
        Verifiers.forKey(Pem.readPublicKey(Files.readString(dir.resolve("partner.pub.pem"))));
    String json =
        "{\"payloadType\":\""
            + Fixtures.EVENT_TYPE
            + "\",\"payload\":\""
            + Base64.getEncoder().encodeToString(EVENT)
            + "\",\"signatures\":[{\"keyid\":\""
            + verifier.keyId()
            + "\",\"sig\":\""
            + Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig.bin")))
            + "\"}]}";

    List<SignatureCheck> checks =
        SignatureCheck.all(
            EnvelopeJson.read(json.getBytes(StandardCharsets.UTF_8)), id -> Optional.of(verifier));

    assertThat(checks).extracting(SignatureCheck::status).containsExactly(Status.VALID);
    assertThat(verifier.algorithm().shortName()).isEqualTo(algorithm);
  }

  @ParameterizedTest
  @CsvSource({"ed25519, standard", "ed25519, url-safe", "p256, standard", "p256, url-safe"})
  void shouldVerifyAnOpensslEnvelopeWhoseBase64UsesEitherDsseAlphabet(
      String algorithm, String alphabet) throws Exception {
    // Chosen so that its base64 holds '+' (standard) or '-' (URL-safe): the alphabets differ.
    byte[] payload = ("{\"n\":\"" + "?>~".repeat(8) + "\"}").getBytes(StandardCharsets.UTF_8);
    openssl.generateKey(algorithm, "partner");
    Files.write(dir.resolve("payload.bin"), payload);
    Files.write(
        dir.resolve("pae.bin"), new Envelope(Fixtures.EVENT_TYPE, payload, List.of()).pae());
    openssl.sign(algorithm, "partner.key.pem", "pae.bin", "sig.bin");
    Verifier verifier =
        Verifiers.forKey(Pem.readPublicKey(Files.readString(dir.resolve("partner.pub.pem"))));
    String encodedPayload = encode(alphabet, "payload.bin");
    String json =
        "{\"payloadType\":\""
            + Fixtures.EVENT_TYPE
            + "\",\"payload\":\""
            + encodedPayload
            + "\",\"signatures\":[{\"keyid\":\""
            + verifier.keyId()
            + "\",\"sig\":\""
            + encode(alphabet, "sig.bin")
            + "\"}]}";

    Envelope envelope = EnvelopeJson.read(json.getBytes(StandardCharsets.UTF_8));
    List<SignatureCheck> checks = SignatureCheck.all(envelope, id -> Optional.of(verifier));

    assertThat(encodedPayload).contains(alphabet.equals("standard") ? "+" : "-");
    assertThat(envelope.payload()).isEqualTo(payload);
    assertThat(checks).extracting(SignatureCheck::status).containsExactly(Status.VALID);
  }

  /** {@code file} in base64 by an encoder that is not ours: openssl, or coreutils' basenc. */
  private String encode(String alphabet, String file) throws Exception {
    if (alphabet.equals("standard")) {
      return openssl.run("base64", "-A", "-in", file).strip();
    }
    Process basenc =
        new ProcessBuilder("basenc", "--base64url", "-w", "0", file)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(basenc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(basenc.waitFor()).as(out).isZero();
    return out.strip();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void shouldProduceEnvelopesThatOpensslVerifies(String algorithm) throws IOException {
    KeyPairs.Generated key =
        KeyPairs.generate(KeyAlgorithm.fromName(algorithm), new java.security.SecureRandom());
    Files.writeString(dir.resolve("ours.pub.pem"), Pem.writePublicKey(key.publicKeySpki()));
    Envelope envelope =
        EnvelopeSigner.sign(
            Fixtures.EVENT_TYPE, EVENT, List.of(Signers.forKey(key.privateKeyPkcs8())));
    Files.write(dir.resolve("pae.bin"), envelope.pae());
    Files.write(dir.resolve("sig.bin"), envelope.signatures().get(0).sig());
    Files.write(dir.resolve("other.bin"), new Envelope("application/json", EVENT, List.of()).pae());

    boolean valid = openssl.verify(algorithm, "ours.pub.pem", "pae.bin", "sig.bin");
    boolean validForAnotherType = openssl.verify(algorithm, "ours.pub.pem", "other.bin", "sig.bin");

    assertThat(valid).isTrue();
    assertThat(validForAnotherType).isFalse();
  }

  /**
   * A private key we generate (as {@code sealtrail keys generate} writes it) must be one openssl,
   * and Node.js on the same OpenSSL, can sign with: a partner's script holds nothing else.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void shouldWritePrivateKeysThatOpensslSignsWith(String algorithm) throws IOException {
    KeyPairs.Generated key =
        KeyPairs.generate(KeyAlgorithm.fromName(algorithm), new java.security.SecureRandom());
    Files.writeString(dir.resolve("ours.key.pem"), Pem.writePrivateKey(key.privateKeyPkcs8()));
    Envelope unsigned = new Envelope(Fixtures.EVENT_TYPE, EVENT, List.of());
    Files.write(dir.resolve("pae.bin"), unsigned.pae());

    openssl.sign(algorithm, "ours.key.pem", "pae.bin", "sig.bin");

    assertThat(
            Verifiers.forKey(key.publicKeySpki())
                .verify(unsigned.pae(), Files.readAllBytes(dir.resolve("sig.bin"))))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void shouldComputeTheSameKeyIdAsOpensslDerOutput(String algorithm) throws IOException {
    openssl.generateKey(algorithm, "k");
    openssl.run("pkey", "-pubin", "-in", "k.pub.pem", "-outform", "DER", "-out", "k.pub.der");
    String opensslDigest = openssl.run("dgst", "-sha256", "-r", "k.pub.der").split(" ")[0];

    KeyId keyId =
        KeyId.ofSubjectPublicKeyInfo(Pem.readPublicKey(Files.readString(dir.resolve("k.pub.pem"))));

    assertThat(keyId.hex()).isEqualTo(opensslDigest);
  }
}
