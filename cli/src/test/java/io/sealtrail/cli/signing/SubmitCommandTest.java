package io.sealtrail.cli.signing;

import static io.sealtrail.cli.signing.CliRun.sealtrail;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code submit} says when the service cannot answer or its options are out of range. */
class SubmitCommandTest {
  @TempDir Path dir;

  @Test
  void shouldExitWith2NamingTheUrlWhenNothingListens() throws IOException {
    var pair = KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
    Path key = Files.writeString(dir.resolve("k.pem"), Pem.writePrivateKey(pair.privateKeyPkcs8()));
    Path event =
        Files.writeString(
            dir.resolve("e.json"),
            "{\"eventId\":\"e-1\",\"type\":\"SEAL_APPLIED\",\"occurredAt\":\"2026-11-21T06:00:00Z\","
                + "\"partnerId\":\"acme\",\"site\":\"s\",\"subject\":\"DEV-1\","
                + "\"detail\":{\"sealId\":\"S-1\"}}");
    String url = "http://localhost:" + freePort();

    CliRun submit = sealtrail("submit", "--key", key.toString(), "--url", url, event.toString());

    assertThat(submit.exitCode()).isEqualTo(2);
    assertThat(submit.err().strip())
        .startsWith("sealtrail submit: error: " + url + "/v1/events did not answer");
    assertThat(submit.out()).isEmpty();
  }

  // 0 never advanced through the files (an endless loop); above 500 the service refuses.
  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "501"})
  void shouldRefuseWithAParameterErrorWhenTheBatchSizeIsOutside1To500(String size)
      throws IOException {
    Path event = Files.writeString(dir.resolve("e.json"), "{}");

    CliRun submit =
        sealtrail("submit", "--batch-size", size, "--url", "http://localhost:1", event.toString());

    assertThat(submit.exitCode()).isEqualTo(2);
    assertThat(submit.err())
        .contains("Invalid value '" + size + "' for option '--batch-size': must be 1 to 500");
    assertThat(submit.out()).isEmpty();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
