package io.sealtrail.anomaly.stale;

import static io.sealtrail.anomaly.fixtures.Attestations.passed;
import static io.sealtrail.anomaly.fixtures.Devices.assembled;
import static io.sealtrail.anomaly.fixtures.Devices.commissioned;
import static io.sealtrail.anomaly.fixtures.Devices.decommissioned;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.spike.SpikeRules;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttestationStaleTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant LAST_ATTESTED = T0.plus(Duration.ofHours(10));

  /** Past the default 24 h interval since the last attestation. */
  private static final Instant OVERDUE = LAST_ATTESTED.plus(Duration.ofHours(30));

  private static final Instant LATER = OVERDUE.plus(Duration.ofHours(12));

  private final AnomalyDriver driver =
      new AnomalyDriver(
          new AnomalyRules(
              AlertRules.defaults(),
              SpikeRules.defaults(),
              SpikeRules.defaults(),
              new StaleRules(
                  Duration.ofHours(24),
                  Map.of("gateway", Duration.ofHours(6)),
                  Duration.ofMinutes(15)),
              6));

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldRaiseOneAlertWhenCommissionedDeviceStopsAttesting() {
    driver.send(commissioned("DEV-1", T0), passed("DEV-1", "ST-1", LAST_ATTESTED));

    driver.send(passed("DEV-CLOCK", "ST-1", OVERDUE), passed("DEV-CLOCK", "ST-1", LATER));

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0).value;
    assertThat(alert.getType()).isEqualTo(AlertType.ATTESTATION_STALE);
    assertThat(alert.getSubject().getId()).isEqualTo("DEV-1");
    assertThat(alert.getAttributes()).containsEntry("lastAttestedAt", LAST_ATTESTED.toString());
  }

  @Test
  void shouldRaiseNothingWhenDeviceKeepsAttesting() {
    driver.send(commissioned("DEV-1", T0));
    for (int hour = 12; hour <= 48; hour += 12) {
      driver.send(passed("DEV-1", "ST-1", T0.plus(Duration.ofHours(hour))));
    }

    driver.send(passed("DEV-CLOCK", "ST-1", T0.plus(Duration.ofHours(60))));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldUseProductIntervalWhenProductHasOne() {
    driver.send(assembled("GW-1", "gateway", T0), commissioned("GW-1", T0));

    driver.send(passed("DEV-CLOCK", "ST-1", T0.plus(Duration.ofHours(7))));

    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("GW-1");
  }

  @Test
  void shouldRaiseNothingWhenDeviceIsDecommissioned() {
    driver.send(commissioned("DEV-1", T0), decommissioned("DEV-1", LAST_ATTESTED));

    driver.send(passed("DEV-CLOCK", "ST-1", OVERDUE));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenDeviceAttestedAtTheFactoryIsNotCommissionedYet() {
    driver.send(passed("DEV-1", "ST-1", T0));

    driver.send(passed("DEV-CLOCK", "ST-1", OVERDUE));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldStartTheClockAtCommissioningWhenTheFactoryTestWasLongBefore() {
    driver.send(passed("DEV-1", "ST-1", T0), commissioned("DEV-1", OVERDUE));

    driver.send(passed("DEV-CLOCK", "ST-1", OVERDUE.plus(Duration.ofHours(12))));
    assertThat(driver.alerts()).isEmpty();
    driver.send(passed("DEV-CLOCK", "ST-1", OVERDUE.plus(Duration.ofHours(25))));

    assertThat(driver.alerts())
        .singleElement()
        .satisfies(kv -> assertThat(kv.value.getSubject().getId()).isEqualTo("DEV-1"))
        .satisfies(
            kv ->
                assertThat(kv.value.getAttributes())
                    .containsEntry("lastAttestedAt", OVERDUE.toString()));
  }

  @Test
  void shouldRaiseNothingWhenDecommissionedDeviceAttestsOnceMore() {
    driver.send(commissioned("DEV-1", T0), decommissioned("DEV-1", LAST_ATTESTED));
    driver.send(passed("DEV-1", "ST-1", LAST_ATTESTED.plus(Duration.ofHours(1))));

    driver.send(passed("DEV-CLOCK", "ST-1", LATER));

    assertThat(driver.alerts()).isEmpty();
  }
}
