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
import java.util.Map;
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
  /**
   * custody-stream's settles at 30 s instead of 60 s (provenance, releases, reports) and 2 min
   * (shipments): the demo sends its batches with past event times, so both hold their findings that
   * long on the wall clock, which was most of this test's time. 30 s still covers a batch of this
   * size (150 devices) reaching custody out of order on a loaded machine; {@code local --demo}
   * keeps the defaults.
   */
  static final Map<String, String> SHORT_SETTLES =
      Map.of(
          "sealtrail.custody.provenance-settle", "PT30S",
          "sealtrail.custody.shipment-settle", "PT30S",
          "sealtrail.custody.release-settle", "PT30S",
          "sealtrail.custody.report-settle", "PT30S");

  @TempDir Path dataDir;

  @Test
  void shouldDetectEveryCaseWithoutFalseAlertWhenTheDemoPlaysOnLocalMode() throws Exception {
    var config =
        new LocalConfig(dataDir, "localhost", freePort(), freePort(), 0, 0)
            .with(DemoSettings.PLATFORM)
            .with(SHORT_SETTLES);
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
