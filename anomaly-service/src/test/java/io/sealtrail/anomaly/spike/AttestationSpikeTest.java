package io.sealtrail.anomaly.spike;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.Attestations.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttestationSpikeTest {
  /** The first hour-long window is [H0, H1); the second [H1, H2). */
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");

  private static final Instant H1 = H0.plus(Duration.ofHours(1));
  private static final Instant H2 = H1.plus(Duration.ofHours(1));

  /** Late enough that windows up to H2 have closed, grace included. */
  private static final Instant AFTER_GRACE = H2.plus(Duration.ofMinutes(10));

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldRaiseOneStationAlertListingTheSpikingSiteWhenOneStationBursts() {
    burst("ST-4", H0, 8);

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=ST-4");
    Alert alert = alerts.get(0).value;
    assertThat(alert.getAttributes()).containsEntry("alsoSpiking", "site:site-1");
    assertThat(alert.getEvidence()).hasSize(8);
    assertThat(alert.getEvidence().get(0).getSerial()).startsWith("DEV-ST-4-");
    assertThat(alert.getAttributes()).containsEntry("threshold", "5");
    assertThat(alert.getLinks())
        .startsWith(
            "/v1/spikes/attestation/cohorts/station/ST-4/series",
            "/v1/spikes/attestation/cohorts/site/site-1/series")
        .contains("/v1/serials/" + alert.getEvidence().get(0).getSerial() + "/history");
    assertThat(alert.getType()).isEqualTo(AlertType.ATTESTATION_FAILURE_SPIKE);
    assertThat(alert.getSubject().getKind()).isEqualTo(SubjectKind.COHORT);
    assertThat(alert.getSubject().getId()).isEqualTo("station=ST-4");
    assertThat(alert.getAttributes()).containsEntry("count", "8").containsEntry("station", "ST-4");
  }

  @Test
  void shouldRaiseOneAlertPerStationWhenTwoStationsBurstInTheSameWindow() {
    burst("ST-4", H0, 8);
    burst("ST-5", H0, 7);

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    // The site's evidence overlaps both stations', so each alert lists it.
    assertThat(driver.alerts())
        .extracting(
            kv -> kv.value.getSubject().getId() + " " + kv.value.getAttributes().get("alsoSpiking"))
        .containsExactlyInAnyOrder("station=ST-4 site:site-1", "station=ST-5 site:site-1");
  }

  @Test
  void shouldRaiseOnlyTheBurstingStationWhenOtherStationsHaveNormalNoise() {
    burst("ST-4", H0, 8);
    for (int station = 1; station <= 3; station++) {
      driver.send(failed("DEV-N" + station, "ST-" + station, H0.plusSeconds(60L * station)));
    }

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=ST-4");
  }

  @Test
  void shouldUpdateTheAlertWhenBurstLastsSeveralWindows() {
    burst("ST-4", H0, 8);
    burst("ST-4", H1, 9);

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    List<Alert> alerts = AnomalyDriver.about(driver.alerts(), "station=ST-4");
    assertThat(alerts).extracting(Alert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts.get(alerts.size() - 1).getCount()).isEqualTo(2);
  }

  @Test
  void shouldStopUpdatingWhenHigherLevelBecomesNormal() {
    for (int hour = 0; hour < 6; hour++) {
      burst("ST-4", H0.plus(Duration.ofHours(hour)), 6);
    }

    driver.send(failed("DEV-TICK", "ST-9", H0.plus(Duration.ofHours(7))));
    driver.spikesSettle();

    assertThat(AnomalyDriver.about(driver.alerts(), "station=ST-4"))
        .extracting(Alert::getCount)
        .containsExactly(1L, 2L);
  }

  @Test
  void shouldRaiseNoStationAlertWhenFailuresAreScatteredOverStations() {
    for (int station = 1; station <= 6; station++) {
      driver.send(failed("DEV-" + station, "ST-" + station, H0.plusSeconds(60L * station)));
    }

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    // Six failures at one site with no history is the site's own spike; no station spiked.
    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("site-1");
  }

  @Test
  void shouldKeepEachJudgedWindowWithItsBaselineWhenWindowsClose() {
    burst("ST-4", H0, 2);
    burst("ST-4", H1, 8);

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    List<SeriesWindow> series =
        SeriesWindow.parseAll(
            driver.stringStore("anomaly-attestation-spike-series-store").get("station=ST-4"));
    assertThat(series)
        .containsExactly(
            new SeriesWindow(H0.toEpochMilli(), H1.toEpochMilli(), 2, 0.0, 5),
            new SeriesWindow(H1.toEpochMilli(), H2.toEpochMilli(), 8, 0.4, 5));
    assertThat(series.get(1).spike()).isTrue();
  }

  @Test
  void shouldRaiseNothingWhenQuietCohortFailsOnce() {
    driver.send(
        passed("DEV-1", "ST-2", H0.plusSeconds(60)),
        failed("DEV-2", "ST-2", H0.plusSeconds(120)),
        passed("DEV-3", "ST-2", H0.plusSeconds(180)));

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenStationOnlyPasses() {
    for (int i = 0; i < 10; i++) {
      driver.send(passed("DEV-" + i, "ST-4", H0.plusSeconds(60L * i)));
    }

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts()).isEmpty();
  }

  private void burst(String station, Instant windowStart, int failures) {
    for (int i = 0; i < failures; i++) {
      Instant at = windowStart.plus(Duration.ofMinutes(10 + i));
      driver.send(failed("DEV-" + station + "-" + at.toEpochMilli(), station, at));
    }
  }
}
