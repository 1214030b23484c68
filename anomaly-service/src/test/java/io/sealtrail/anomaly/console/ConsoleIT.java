package io.sealtrail.anomaly.console;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.Devices.assembledFrom;
import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static io.sealtrail.avro.common.AlertType.ATTESTATION_FAILED;
import static io.sealtrail.avro.common.AlertType.CLONE_SUSPECTED;
import static io.sealtrail.avro.common.AlertType.SEAL_BROKEN;
import static io.sealtrail.avro.common.AlertType.UNAUTHORIZED_FIRMWARE;
import static io.sealtrail.avro.common.AlertType.UNKNOWN_SERIAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.anomaly.fixtures.ApiClient;
import io.sealtrail.anomaly.fixtures.CustodyCompanion;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;

/**
 * The console end to end: Debian's headless Chromium against the real anomaly service on the
 * embedded broker, the console and the alerts API on one HTTP server as in local mode, beside a
 * real custody-stream whose serial and holds routes the console calls.
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
  static final String BROKEN = "SEAL_BROKEN:DEV-1@";
  // A serial with a long unbroken id: the table must wrap it, not overflow its card.
  static final String LONG_SERIAL = "DEV-" + "0123456789abcdef".repeat(4);
  // More failed devices than a spike keeps as evidence (max-evidence 20): all of them still fold.
  static final int BURST = 25;
  @TempDir static Path dir;
  static AnomalyHarness harness;
  static String token;
  static CompletableFuture<HeadlessChromium> browser;
  static HeadlessChromium chromium;
  static CustodyCompanion custody;

  static boolean chromiumInstalled() {
    return HeadlessChromium.installed();
  }

  @BeforeAll
  static void start() throws Exception {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    // The browser starts while the service does: on two shared cores each takes seconds.
    browser = CompletableFuture.supplyAsync(() -> HeadlessChromium.start(profile));
    custody = new CustodyCompanion(KAFKA, dir.resolve("custody"));
    // Short settles: the spike folds seconds after its window closes, even on a loaded machine.
    harness =
        new AnomalyHarness(
            KAFKA,
            Map.of(
                "sealtrail.anomaly.attestation-spike.settle", "PT3S",
                "sealtrail.anomaly.attestation-spike.wall-settle", "PT2S"),
            custody::start);
    token = harness.token(Role.SECOPS);
    earlierAlerts();
    chromium = browser.join();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.closeOnceStarted(browser);
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

    page.awaitDetail("Flashing station quarantined");
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
  void shouldHoldTheLotsOfAnAlertsSerialWithTheAlertLinkedFromTheConsole() throws Exception {
    String serial = "DEV-HELD";
    custody.produce(assembledFrom(serial, hour(9), "LOT-CAP-7", "LOT-SE-2"));
    ApiClient secops = new ApiClient(harness.url(), token);
    Eventually.await(
        () -> secops.getUnchecked("/v1/serials/" + serial).status(),
        status -> status == 200,
        serial + "'s custody state");
    harness.send(violation(SEAL_BROKEN, serial, hour(10)).event("ev-held-seal").build());
    ConsolePage page = new ConsolePage(chromium).open(harness.url(), token);
    String alert = page.awaitAlert("SEAL_BROKEN:" + serial + "@");
    page.openAlert(alert);

    page.contain("hold-lots", "Capacitor lot under investigation");

    page.awaitDetail("2 holds placed.");
    JsonNode holds = secops.get("/v1/holds?kind=LOT&status=ACTIVE").json().path("holds");
    assertThat(holds).extracting(h -> h.path("id").asText()).contains("LOT-CAP-7", "LOT-SE-2");
    assertThat(holds)
        .filteredOn(h -> h.path("id").asText().startsWith("LOT-"))
        .allSatisfy(
            h -> {
              assertThat(h.path("alertId").asText()).isEqualTo(alert);
              assertThat(h.path("reason").asText()).isEqualTo("Capacitor lot under investigation");
              assertThat(h.path("placedBy").asText()).isNotBlank();
            });
    assertThat(page.detailText()).contains("on LOT LOT-CAP-7", "on LOT LOT-SE-2");
  }

  @Test
  void shouldAssignThenResolveWithAnOutcomeFromTheAlertDetail() throws Exception {
    ConsolePage page = new ConsolePage(chromium).open(harness.url(), token);
    String broken = page.awaitAlert(BROKEN);
    page.openAlert(broken);

    page.assign("b.lee");
    page.awaitDetail("assigned to b.lee");
    page.resolve(null, "cut seal, replaced");
    page.awaitActionMessage("Choose an outcome");
    page.resolve("TRUE_POSITIVE", "cut seal, replaced");

    page.awaitDetail("· True positive");
    JsonNode alert =
        new ApiClient(harness.url(), token).get("/v1/alerts/" + ApiClient.encode(broken)).json();
    assertThat(alert.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(alert.path("outcome").asText()).isEqualTo("TRUE_POSITIVE");
    assertThat(alert.path("assignee").asText()).isEqualTo("b.lee");
    assertThat(alert.path("history")).hasSize(3);
  }

  @Test
  void shouldFoldTheBurstsDeviceAlertsUnderTheSpikeAndFitTheCardAt1280Px() {
    ConsolePage page = new ConsolePage(chromium).open(harness.url(), token);
    String spike = page.awaitAlert(SPIKE);

    assertThat(page.awaitStorm(spike)).isEqualTo(BURST);
    assertThat(page.alertIds()).noneMatch(id -> id.startsWith("ATTESTATION_FAILED:DEV-S"));
    assertThat(page.expandStorm(spike))
        .hasSize(BURST)
        .allMatch(id -> id.startsWith("ATTESTATION_FAILED:DEV-S"));

    chromium.driver().manage().window().setSize(new Dimension(1280, 1000));
    try {
      List<Long> measured = chromium.await(d -> page.alertCardOverflow());
      assertThat(measured.get(0)).as("viewport width").isBetween(1200L, 1280L);
      assertThat(measured.get(1)).as("card scrolls sideways by").isLessThanOrEqualTo(0L);
      assertThat(measured.get(2)).as("table reaches past the card by").isLessThanOrEqualTo(0L);
    } finally {
      chromium.driver().manage().window().setSize(new Dimension(1440, 1300));
    }
  }

  @Test
  void shouldShowTheResponseReportWithChartsWhenTheReportPageIsOpened() {
    ConsolePage page = new ConsolePage(chromium).open(harness.url(), token);
    page.awaitAlert(SPIKE);

    List<String> types = page.openReport();

    assertThat(types).contains("ATTESTATION_FAILURE_SPIKE", "SEAL_BROKEN");
    assertThat(page.reportBars()).isPositive();
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
   * noise of one or two, then 25 in one hour, closed by a later failure), listed by the API.
   */
  private static void earlierAlerts() throws Exception {
    harness.send(violation(SEAL_BROKEN, "DEV-1", hour(2)).severity(Severity.CRITICAL).build());
    harness.send(violation(UNKNOWN_SERIAL, "GWX-999", hour(3)).severity(Severity.MEDIUM).build());
    harness.send(violation(CLONE_SUSPECTED, LONG_SERIAL, hour(4)).build());
    for (int h = 3; h < 8; h++) {
      for (int n = 0; n <= h % 2; n++) {
        harness.send(failed("DEV-" + h + "-" + n, "ST-4", hour(h).plusSeconds(60L * (n + 1))));
      }
    }
    for (int n = 0; n < BURST; n++) {
      Instant at = hour(8).plusSeconds(60L * (n + 1));
      // custody-stream's alert for each failed device, which the spike's alert folds.
      harness.send(
          violation(ATTESTATION_FAILED, "DEV-S" + n, at).severity(Severity.MEDIUM).build());
      harness.send(failed("DEV-S" + n, "ST-4", at));
    }
    harness.send(failed("DEV-LATE", "ST-4", hour(10)));
    ApiClient secops = new ApiClient(harness.url(), token);
    Eventually.await(
        () -> alerts(secops),
        alerts -> alerts.size() >= 3 && alerts.toString().contains(SPIKE),
        "the earlier alerts, a spike at ST-4 among them, listed by the API");
  }

  private static JsonNode alerts(ApiClient secops) {
    return secops.getUnchecked("/v1/alerts").tree().path("alerts");
  }

  private static Instant hour(int h) {
    return T0.plus(Duration.ofHours(h));
  }
}
