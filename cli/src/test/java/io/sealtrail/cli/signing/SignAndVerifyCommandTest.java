package io.sealtrail.cli.signing;

import static io.sealtrail.cli.signing.CliRun.sealtrail;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.testing.Fixtures;
import io.sealtrail.trust.testing.Openssl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partner's round trip with the CLI: generate keys, sign an event file, verify the envelope, and
 * check it with openssl.
 */
class SignAndVerifyCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void writeEvent() throws IOException {
    Files.writeString(
        dir.resolve("event.json"), Fixtures.event("FIRMWARE_FLASHED", "station-4", "plant-1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void shouldVerifyWhatItSignedAndOpensslShouldAgree(String alg) throws IOException {
    Openssl.assumeInstalled();
    generate(alg, "station");

    CliRun sign = sealtrail("sign", "--key", path("station.key.pem"), path("event.json"));
    Files.writeString(dir.resolve("envelope.json"), sign.out());
    CliRun verify = sealtrail("verify", "--pub", path("station.pub.pem"), path("envelope.json"));

    assertThat(sign.exitCode()).as(sign.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    Envelope envelope = EnvelopeJson.read(sign.out().getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("pae.bin"), envelope.pae());
    Files.write(dir.resolve("sig.bin"), envelope.signatures().get(0).sig());
    assertThat(new Openssl(dir).verify(alg, "station.pub.pem", "pae.bin", "sig.bin")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void shouldVerifyAnEnvelopeSignedWithOpenssl(String alg) throws IOException {
    Openssl.assumeInstalled();
    Openssl openssl = new Openssl(dir);
    openssl.generateKey(alg, "theirs");
    byte[] payload = Files.readAllBytes(dir.resolve("event.json"));
    Files.write(
        dir.resolve("pae.bin"),
        new Envelope(Fixtures.EVENT_TYPE, payload, java.util.List.of()).pae());
    openssl.sign(alg, "theirs.key.pem", "pae.bin", "sig.bin");
    Files.writeString(
        dir.resolve("envelope.json"),
        "{\"payloadType\":\""
            + Fixtures.EVENT_TYPE
            + "\",\"payload\":\""
            + Base64.getEncoder().encodeToString(payload)
            + "\",\"signatures\":[{\"sig\":\""
            + Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig.bin")))
            + "\"}]}");

    CliRun verify = sealtrail("verify", "--pub", path("theirs.pub.pem"), path("envelope.json"));

    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.out()).startsWith("OK signature 0");
  }

  @Test
  void shouldPrintBothSignaturesWhenCoSigned() throws IOException {
    generate("p256", "station");
    generate("ed25519", "approver");

    CliRun sign =
        sealtrail(
            "sign",
            "--key",
            path("station.key.pem"),
            "--key",
            path("approver.key.pem"),
            path("event.json"));
    Files.writeString(dir.resolve("envelope.json"), sign.out());
    CliRun verify =
        sealtrail(
            "verify",
            "--pub",
            path("station.pub.pem"),
            "--pub",
            path("approver.pub.pem"),
            path("envelope.json"));

    assertThat(EnvelopeJson.read(sign.out().getBytes(StandardCharsets.UTF_8)).signatures())
        .hasSize(2);
    assertThat(verify.out()).contains("OK signature 0").contains("OK signature 1");
  }

  @Test
  void shouldExitWithBadSignatureWhenThePayloadWasAltered() throws IOException {
    generate("ed25519", "station");
    String envelope = sealtrail("sign", "--key", path("station.key.pem"), path("event.json")).out();
    String altered = Fixtures.event("FIRMWARE_FLASHED", "station-4", "plant-2");
    String payload = Base64.getEncoder().encodeToString(altered.getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("envelope.json"),
        envelope.replaceFirst("\"payload\":\"[^\"]*\"", "\"payload\":\"" + payload + "\""));

    CliRun verify = sealtrail("verify", "--pub", path("station.pub.pem"), path("envelope.json"));

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).startsWith("BAD_SIGNATURE");
  }

  @Test
  void shouldExitWithUnknownKeyWhenSignedByAnotherKey() throws IOException {
    generate("ed25519", "station");
    generate("ed25519", "other");
    Files.writeString(
        dir.resolve("envelope.json"),
        sealtrail("sign", "--key", path("other.key.pem"), path("event.json")).out());

    CliRun verify = sealtrail("verify", "--pub", path("station.pub.pem"), path("envelope.json"));

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).startsWith("UNKNOWN_KEY");
  }

  @Test
  void shouldExitWithMalformedEnvelopeWhenTheFileIsNotAnEnvelope() throws IOException {
    generate("ed25519", "station");

    CliRun verify = sealtrail("verify", "--pub", path("station.pub.pem"), path("event.json"));

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).startsWith("MALFORMED_ENVELOPE");
  }

  @Test
  void shouldRefuseAnEncryptedKeyInOneLine() throws IOException {
    Openssl.assumeInstalled();
    new Openssl(dir).generateEncryptedKey("enc.pem");

    CliRun sign = sealtrail("sign", "--key", path("enc.pem"), path("event.json"));

    assertThat(sign.exitCode()).isEqualTo(2);
    assertThat(sign.err().strip())
        .contains("encrypted private keys are not supported")
        .doesNotContain("\n");
  }

  @Test
  void shouldRefuseToSignAFileThatIsNotAnEvent() throws IOException {
    generate("ed25519", "station");
    Files.writeString(dir.resolve("notes.json"), "{\"hello\":\"world\"}");

    CliRun sign = sealtrail("sign", "--key", path("station.key.pem"), path("notes.json"));

    assertThat(sign.exitCode()).isEqualTo(2);
    assertThat(sign.err()).contains("is not a custody event").contains("eventId");
  }

  @Test
  void shouldSayWhichFileIsMissing() {
    CliRun sign = sealtrail("sign", "--key", path("absent.key.pem"), path("event.json"));

    assertThat(sign.exitCode()).isEqualTo(2);
    assertThat(sign.err().strip())
        .isEqualTo("sealtrail sign: error: no such file: " + path("absent.key.pem"));
  }

  @Test
  void shouldDescribeSignAndVerifyWhenAskedForHelp() {
    assertThat(sealtrail("sign", "--help").out()).contains("--key").contains("EVENT.json");
    assertThat(sealtrail("verify", "--help").out()).contains("--pub").contains("BAD_SIGNATURE");
    assertThat(sealtrail("keys", "--help").out()).contains("generate");
    assertThat(sealtrail("keys").err()).contains("Missing required subcommand");
  }

  private void generate(String alg, String name) {
    CliRun run =
        sealtrail("keys", "generate", "--alg", alg, "--out", dir.toString(), "--name", name);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }
}
