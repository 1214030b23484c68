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
