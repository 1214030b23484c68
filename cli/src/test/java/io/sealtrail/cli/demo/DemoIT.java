package io.sealtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.local.LocalConfig;
import io.sealtrail.cli.local.LocalPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on local mode (broker, registry, ingest, custody-stream, anomaly-service in
 * this JVM) at a small size: every injected case is detected and no false alert is raised, which is
 * what {@code local --demo --exit} exits 0 for.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DemoIT {
  @TempDir Path dataDir;

  @Test
  void shouldDetectEveryCaseWithoutFalseAlertWhenTheDemoPlaysOnLocalMode() throws Exception {
    var config =
        new LocalConfig(dataDir, "localhost", freePort(), freePort(), 0, 0)
            .with(DemoSettings.PLATFORM);
    try (LocalPlatform platform = LocalPlatform.start(config)) {
      var target = DemoTarget.onLocal(platform, config);
      var summary = new StringWriter();
      var run = new DemoRun(target, new PrintWriter(summary), new PrintWriter(Writer.nullWriter()));
      Instant end = Instant.now().minusSeconds(60);

      boolean passed =
          run.play(
              new DemoOptions(150, 11, end, "IT" + DemoOptions.runTagOf(end)),
              2000,
              Duration.ofMinutes(4));

      assertThat(summary.toString())
          .contains("Detected 22 of 22 cases")
          .contains("False alerts: none.")
          .containsPattern(
              "Recall: lot LOT-IT\\w+-SE-02 is declared faulty\\. Supplier acme-components, \\d+ devices")
          .containsPattern("Evidence of serial DEV-IT\\w+-\\d+ verified: \\d+ events");
      assertThat(passed).as(summary.toString()).isTrue();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
