package io.sealtrail.anomaly.console;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static io.sealtrail.avro.common.AlertType.SEAL_BROKEN;
import static io.sealtrail.avro.common.AlertType.UNAUTHORIZED_FIRMWARE;
import static io.sealtrail.avro.common.AlertType.UNKNOWN_SERIAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.anomaly.fixtures.ApiClient;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console end to end: Debian's headless Chromium against the real anomaly service on the
 * embedded broker, the console and the alerts API on one HTTP server as in local mode.
 */
@EnabledIf(
    value = "chromiumInstalled",
    disabledReason =
        "/usr/bin/chromium is absent: apt-get install chromium chromium-driver (.ci/run does)")
class ConsoleIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  // Recent hours, so the broker's retention never deletes what the test produces.
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
  static final String SPIKE = "ATTESTATION_FAILURE_SPIKE:station=ST-4@";
  static final String LIVE = "UNAUTHORIZED_FIRMWARE:DEV-LIVE@";
  @TempDir static Path dir;
  static AnomalyHarness harness;
  static String token;
  static CompletableFuture<HeadlessChromium> browser;
  static HeadlessChromium chromium;

  static boolean chromiumInstalled() {
    return HeadlessChromium.installed();
  }

  @BeforeAll
  static void start() throws Exception {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    // The browser starts while the service does: on two shared cores each takes seconds.
    browser = CompletableFuture.supplyAsync(() -> HeadlessChromium.start(profile));
    harness = new AnomalyHarness(KAFKA);
    token = harness.token(Role.SECOPS);
    earlierAlerts();
    chromium = browser.join();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.thenAccept(HeadlessChromium::close).exceptionally(failedToStart -> null).join();
    }
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void shouldListANewAlertWithoutReloadAndAcknowledgeItFromTheConsole() throws Exception {
    ConsolePage page = new ConsolePage(chromium).open(harness.url(), token);
    String spike = page.awaitAlert(SPIKE);
    page.mark();

    harness.send(
        violation(UNAUTHORIZED_FIRMWARE, "DEV-LIVE", hour(11)).event("ev-live-flash").build());

    String live = page.awaitAlert(LIVE);
    assertThat(page.marked()).as("listed without a reload").isTrue();
    assertThat(page.address()).as("the token left the address bar").doesNotContain(token);
    page.openAlert(live);
    assertThat(page.detailText()).contains("ev-live-flash", "partner-a", "0000000000…");

    page.acknowledge("Flashing station quarantined");

    String actor = harness.actor(Role.SECOPS);
    page.awaitDetail("by " + actor);
    assertThat(page.statusInList(live)).isEqualTo("ACKNOWLEDGED");
    JsonNode alert =
        new ApiClient(harness.url(), token).get("/v1/alerts/" + ApiClient.encode(live)).json();
    assertThat(alert.path("status").asText()).isEqualTo("ACKNOWLEDGED");
    JsonNode last = alert.path("history").get(alert.path("history").size() - 1);
    assertThat(last.path("by").asText()).as("the token's identity").isEqualTo(actor);
    assertThat(last.path("note").asText()).isEqualTo("Flashing station quarantined");

    assertThat(alerts(new ApiClient(harness.url(), token)))
        .filteredOn(a -> a.path("alertId").asText().startsWith("ATTESTATION_FAILURE_SPIKE:"))
        .as("one spike alert for the burst at ST-4, naming its site")
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.path("attributes").path("alsoSpiking").asText())
                    .isEqualTo("site:site-1"));
    page.openAlert(spike);
    page.awaitChart();
    chromium.screenshot(Path.of("target", "console.png"));
  }

  @Test
  void shouldAskForTheTokenAgainWhenTheServerRefusesIt() {
    ConsolePage page = new ConsolePage(chromium);

    page.openRefused(harness.url(), "not-a-token");

    assertThat(page.tokenError()).contains("refused", "401");
    assertThat(page.address()).doesNotContain("not-a-token");
  }

  /**
   * A broken seal, an unknown serial, and a spike of failed attestations at station ST-4 (hourly
   * noise of one or two, then six in one hour, closed by a later failure), listed by the API.
   */
  private static void earlierAlerts() throws Exception {
    harness.send(violation(SEAL_BROKEN, "DEV-1", hour(2)).severity(Severity.CRITICAL).build());
    harness.send(violation(UNKNOWN_SERIAL, "GWX-999", hour(3)).severity(Severity.MEDIUM).build());
    for (int h = 3; h < 8; h++) {
      for (int n = 0; n <= h % 2; n++) {
        harness.send(failed("DEV-" + h + "-" + n, "ST-4", hour(h).plusSeconds(60L * (n + 1))));
      }
    }
    for (int n = 0; n < 6; n++) {
      harness.send(failed("DEV-S" + n, "ST-4", hour(8).plusSeconds(60L * (n + 1))));
    }
    harness.send(failed("DEV-LATE", "ST-4", hour(10)));
    ApiClient secops = new ApiClient(harness.url(), token);
    Eventually.await(
        () -> alerts(secops),
        alerts -> alerts.size() >= 3 && alerts.toString().contains(SPIKE),
        "the earlier alerts, a spike at ST-4 among them, listed by the API");
  }

  private static JsonNode alerts(ApiClient secops) {
    try {
      return secops.get("/v1/alerts").json().path("alerts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Instant hour(int h) {
    return T0.plus(Duration.ofHours(h));
  }
}
