package io.sealtrail.cli.signing;

import static io.sealtrail.cli.signing.CliRun.sealtrail;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sealtrail epcis capture} without a service: what it signs, and what it refuses. */
class EpcisCaptureCommandTest {
  private static final String DOCUMENT =
      "{\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"epcisBody\":{\"eventList\":[]}}";
  @TempDir Path dir;

  @BeforeEach
  void generateKey() {
    CliRun run =
        sealtrail(
            "keys", "generate", "--alg", "ed25519", "--out", dir.toString(), "--name", "dock");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void shouldSignTheDocumentByteForByteAsAnEpcisPayloadWhenOnlyTheEnvelopeIsAsked()
      throws IOException {
    Files.writeString(dir.resolve("doc.json"), DOCUMENT);

    CliRun run =
        sealtrail(
            "epcis", "capture", "--key", path("dock.key.pem"), "--envelope-only", path("doc.json"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    Envelope envelope = EnvelopeJson.read(run.out().strip().getBytes(StandardCharsets.UTF_8));
    assertThat(envelope.payloadType()).isEqualTo(SubmissionVerifier.EPCIS_PAYLOAD_TYPE);
    assertThat(new String(envelope.payload(), StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
    Verifier dock =
        Verifiers.forKey(Pem.readPublicKey(Files.readString(dir.resolve("dock.pub.pem"))));
    assertThat(envelope.signatures().get(0).keyid()).isEqualTo(dock.keyId().hex());
    assertThat(dock.verify(envelope.pae(), envelope.signatures().get(0).sig())).isTrue();
  }

  @Test
  void shouldRefuseACustodyEventWhenCapturing() throws IOException {
    Files.writeString(dir.resolve("event.json"), "{\"eventId\":\"e\",\"type\":\"SCANNED\"}");

    CliRun run =
        sealtrail(
            "epcis",
            "capture",
            "--key",
            path("dock.key.pem"),
            "--envelope-only",
            path("event.json"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not an EPCIS document");
  }

  @Test
  void shouldAskForAKeyWhenTheDocumentIsNotSigned() throws IOException {
    Files.writeString(dir.resolve("doc.json"), DOCUMENT);

    CliRun run = sealtrail("epcis", "capture", "--envelope-only", path("doc.json"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pass --key KEY.pem");
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }
}
