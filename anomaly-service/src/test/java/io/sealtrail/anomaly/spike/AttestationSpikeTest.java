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
  void shouldRaiseOneAlertWhenOneStationBursts() {
    burst("ST-4", H0, 8);

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0).value;
    assertThat(alert.getType()).isEqualTo(AlertType.ATTESTATION_FAILURE_SPIKE);
    assertThat(alert.getSubject().getKind()).isEqualTo(SubjectKind.COHORT);
    assertThat(alert.getSubject().getId()).isEqualTo("station=ST-4");
    assertThat(alert.getAttributes()).containsEntry("count", "8").containsEntry("station", "ST-4");
  }

  @Test
  void shouldUpdateTheAlertWhenBurstLastsSeveralWindows() {
    burst("ST-4", H0, 8);
    burst("ST-4", H1, 9);

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts).extracting(kv -> kv.key).containsOnly(alerts.get(0).key);
    assertThat(alerts.get(alerts.size() - 1).value.getCount()).isEqualTo(2);
  }

  @Test
  void shouldStopUpdatingWhenHigherLevelBecomesNormal() {
    for (int hour = 0; hour < 6; hour++) {
      burst("ST-4", H0.plus(Duration.ofHours(hour)), 6);
    }

    driver.send(failed("DEV-TICK", "ST-9", H0.plus(Duration.ofHours(7))));

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts).extracting(kv -> kv.value.getCount()).containsExactly(1L, 2L);
  }

  @Test
  void shouldRaiseNothingWhenFailuresAreScatteredOverStations() {
    for (int station = 1; station <= 6; station++) {
      driver.send(failed("DEV-" + station, "ST-" + station, H0.plusSeconds(60L * station)));
    }

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenQuietCohortFailsOnce() {
    driver.send(
        passed("DEV-1", "ST-2", H0.plusSeconds(60)),
        failed("DEV-2", "ST-2", H0.plusSeconds(120)),
        passed("DEV-3", "ST-2", H0.plusSeconds(180)));

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenStationOnlyPasses() {
    for (int i = 0; i < 10; i++) {
      driver.send(passed("DEV-" + i, "ST-4", H0.plusSeconds(60L * i)));
    }

    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));

    assertThat(driver.alerts()).isEmpty();
  }

  private void burst(String station, Instant windowStart, int failures) {
    for (int i = 0; i < failures; i++) {
      Instant at = windowStart.plus(Duration.ofMinutes(10 + i));
      driver.send(failed("DEV-" + station + "-" + at.toEpochMilli(), station, at));
    }
  }
}
