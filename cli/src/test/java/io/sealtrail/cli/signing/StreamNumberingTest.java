package io.sealtrail.cli.signing;

import static io.sealtrail.cli.signing.CliRun.sealtrail;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.dsse.EnvelopeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sign --stream NAME}: the event numbered in its stream, durably, before it is signed. */
class StreamNumberingTest {
  @TempDir Path dir;
  private Path key;
  private Path event;

  @BeforeEach
  void files() throws IOException {
    var pair = KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
    key = Files.writeString(dir.resolve("k.pem"), Pem.writePrivateKey(pair.privateKeyPkcs8()));
    event =
        Files.writeString(
            dir.resolve("e.json"),
            "{\"eventId\":\"e-1\",\"type\":\"SEAL_APPLIED\",\"occurredAt\":\"2026-11-21T06:00:00Z\","
                + "\"partnerId\":\"acme\",\"site\":\"s\",\"subject\":\"DEV-1\","
                + "\"detail\":{\"sealId\":\"S-1\"}}");
  }

  @Test
  void shouldNumberEachSignedEventOnFromWhereTheLastRunStopped() throws IOException {
    String state = dir.resolve("streams").toString();

    CliRun first = sign("--stream", "line-1", "--stream-state", state);
    CliRun second = sign("--stream", "line-1", "--stream-state", state);
    CliRun other = sign("--stream", "line-2", "--stream-state", state);

    assertThat(payloadOf(first)).endsWith(",\"stream\":\"line-1\",\"sequence\":0}");
    assertThat(payloadOf(second)).endsWith(",\"stream\":\"line-1\",\"sequence\":1}");
    assertThat(payloadOf(other)).endsWith(",\"stream\":\"line-2\",\"sequence\":0}");
    assertThat(dir.resolve("streams").resolve("line-1.next")).hasContent("2");
  }

  @Test
  void shouldSignTheEventByteForByteWithoutStream() throws IOException {
    assertThat(payloadOf(sign())).isEqualTo(Files.readString(event));
  }

  @Test
  void shouldRefuseToNumberAnEventThatAlreadyHasAStream() throws IOException {
    Files.writeString(
        event, Files.readString(event).replace("}}", "},\"stream\":\"x\",\"sequence\":3}"));

    CliRun run = sign("--stream", "line-1", "--stream-state", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("already has a stream or sequence");
  }

  @Test
  void shouldRefuseAStreamNameTheContractRefuses() {
    CliRun run = sign("--stream", "s".repeat(129), "--stream-state", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--stream must be at most 128 characters");
  }

  private CliRun sign(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "sign";
    args[1] = "--key";
    args[2] = key.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    args[args.length - 1] = event.toString();
    return sealtrail(args);
  }

  private static String payloadOf(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new String(
        EnvelopeJson.read(run.out().strip().getBytes(StandardCharsets.UTF_8)).payload(),
        StandardCharsets.UTF_8);
  }
}
