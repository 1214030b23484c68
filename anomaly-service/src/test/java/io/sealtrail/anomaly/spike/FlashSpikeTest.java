package io.sealtrail.anomaly.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.fixtures.Attestations;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.VerifiedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FLASH_SPIKE: firmware flashes counted per station, operator and product in event time, with the
 * spike machinery of failed attestations; each beside the legitimate pattern nearest to it.
 */
class FlashSpikeTest {
  /** The hour-long window [H0, H0 + 1 h). */
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");

  private static final Instant LATER = H0.plus(Duration.ofHours(12));
  private static final Instant AFTER_GRACE = LATER.plus(Duration.ofMinutes(10));
  private static final String PRODUCT = "GW-200";

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  static VerifiedEvent flash(String serial, String station, String operator, Instant at) {
    VerifiedEvent e =
        Attestations.verified(
            EventType.FIRMWARE_FLASHED,
            serial,
            station,
            at,
            new FirmwareFlashed(PRODUCT, "1.4.0", "ab".repeat(32)));
    e.getEvent().setOperator(operator);
    return e;
  }

  private void tick() {
    driver.send(flash("DEV-TICK", "FL-TICK", "op-tick", AFTER_GRACE));
    driver.spikesSettle();
  }

  /**
   * The 3,000-device demo's missed FLASH_SPIKE: another partner's later flash, sent in the same
   * batch, reached the cohorts before the burst and carried stream time past the burst's window
   * close; the burst's hits were dropped as late. A window not judged yet counts them, and is
   * judged once the wall settle has passed since its last hit.
   */
  @Test
  void shouldRaiseTheBurstWhenALaterFlashCarriedStreamTimePastItsWindowFirst() {
    driver.send(flash("DEV-FIELD", "FIELD-1", "op-field", AFTER_GRACE));
    for (int i = 0; i < 8; i++) {
      driver.send(flash("DEV-" + i, "FL-9", "op-night", H0.plus(Duration.ofMinutes(10 + i))));
    }

    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=FL-9");
    assertThat(alerts.get(0).value.getAttributes())
        .containsEntry("count", "8")
        .containsEntry("alsoSpiking", "operator:op-night,product:GW-200");
  }

  /**
   * A later window of the station, whose hits came first, is settled before the burst's older
   * window: it waits, as judging it would mark the older one judged and drop it.
   */
  @Test
  void shouldRaiseTheOlderBurstWhenALaterWindowOfTheSameStationSettledFirst() {
    driver.send(flash("DEV-FIELD", "FIELD-1", "op-field", AFTER_GRACE));
    Instant nextHour = H0.plus(Duration.ofHours(1));
    driver.send(flash("DEV-A", "FL-9", "op-day", nextHour.plus(Duration.ofMinutes(10))));
    driver.send(flash("DEV-B", "FL-9", "op-day", nextHour.plus(Duration.ofMinutes(11))));
    driver.wallClockPasses(Duration.ofSeconds(5));
    for (int i = 0; i < 8; i++) {
      driver.send(flash("DEV-" + i, "FL-9", "op-night", H0.plus(Duration.ofMinutes(10 + i))));
    }

    // The later window's settle has passed, the burst's has not.
    driver.wallClockPasses(Duration.ofSeconds(10));
    driver.spikesSettle();

    assertThat(driver.alerts())
        .extracting(
            kv -> kv.value.getSubject().getId(), kv -> kv.value.getAttributes().get("count"))
        .contains(tuple("station=FL-9", "8"));
  }

  @Test
  void shouldRaiseOneStationAlertListingOperatorAndProductWhenOneStationFlashesInABurst() {
    for (int i = 0; i < 8; i++) {
      driver.send(flash("DEV-" + i, "FL-9", "op-night", H0.plus(Duration.ofMinutes(10 + i))));
    }

    tick();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=FL-9");
    Alert alert = alerts.get(0).value;
    assertThat(alert.getType()).isEqualTo(AlertType.FLASH_SPIKE);
    assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(alert.getAttributes())
        .containsEntry("station", "FL-9")
        .containsEntry("count", "8")
        .containsEntry("threshold", "5");
    assertThat(alert.getAttributes())
        .containsEntry("alsoSpiking", "operator:op-night,product:GW-200");
    assertThat(alert.getEvidence()).hasSize(8);
    assertThat(alert.getLinks())
        .startsWith(
            "/v1/spikes/flash/cohorts/station/FL-9/series",
            "/v1/spikes/flash/cohorts/operator/op-night/series");
  }

  @Test
  void shouldRaiseNothingWhenAStationFlashesAtAProductionLinesPace() {
    // The same eight flashes, one an hour: every window's count stays below the minimum.
    for (int i = 0; i < 8; i++) {
      driver.send(flash("DEV-" + i, "FL-9", "op-night", H0.plus(Duration.ofHours(i))));
    }

    tick();

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenAStationUploadsAShiftOfFlashesAtOnce() {
    // Flashed one an hour, received within a minute after an outage: counted when they happened.
    for (int i = 0; i < 8; i++) {
      driver.sendReceivedAt(
          flash("DEV-" + i, "FL-9", "op-night", H0.plus(Duration.ofHours(i))),
          LATER.plusSeconds(i));
    }

    tick();

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldCountOperatorAcrossStationsWhenOneOperatorFlashesEverywhere() {
    for (int i = 0; i < 6; i++) {
      driver.send(flash("DEV-" + i, "FL-" + i, "op-roaming", H0.plus(Duration.ofMinutes(10 + i))));
    }

    tick();

    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("operator=op-roaming");
  }
}
