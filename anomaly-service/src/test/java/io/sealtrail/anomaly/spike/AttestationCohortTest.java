package io.sealtrail.anomaly.spike;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.Devices.assembledFrom;
import static io.sealtrail.anomaly.fixtures.Devices.flashed;
import static io.sealtrail.anomaly.fixtures.Devices.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
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

/** Attestation failures counted per firmware version, component lot and supplier. */
class AttestationCohortTest {
  private static final Instant BEFORE = Instant.parse("2026-05-01T06:00:00Z");
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant AFTER_GRACE = H0.plus(Duration.ofMinutes(70));

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldRaiseOneLotAlertListingFirmwareAndSupplierWhenDevicesSharingThemFailAtManyStations() {
    driver.send(received("COMP-1", "LOT-9", "acme-parts", BEFORE));
    for (int i = 0; i < 6; i++) {
      String serial = "DEV-" + i;
      driver.send(
          assembledFrom(serial, BEFORE.plusSeconds(i), "LOT-9", "LOT-" + i),
          flashed(serial, "2.4.1", BEFORE.plusSeconds(60 + i)));
    }

    for (int i = 0; i < 6; i++) {
      driver.send(failed("DEV-" + i, "ST-" + i, H0.plus(Duration.ofMinutes(5 + i))));
    }
    driver.send(failed("DEV-TICK", "ST-X", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = attestationSpikes(driver);
    assertThat(alerts).extracting(kv -> kv.value.getSubject().getId()).containsExactly("lot=LOT-9");
    Alert lot = alerts.get(0).value;
    // Equal counts: the lot is the most specific of the four by the fixed dimension order.
    assertThat(lot.getAttributes())
        .containsEntry("count", "6")
        .containsEntry("alsoSpiking", "site:site-1,supplier:acme-parts,firmware:2.4.1");
    assertThat(lot.getEvidence()).extracting(e -> e.getSerial()).contains("DEV-0", "DEV-5");
    assertThat(lot.getLinks())
        .startsWith(
            "/v1/spikes/attestation/cohorts/lot/LOT-9/series",
            "/v1/spikes/attestation/cohorts/site/site-1/series",
            "/v1/spikes/attestation/cohorts/supplier/acme-parts/series",
            "/v1/spikes/attestation/cohorts/firmware/2.4.1/series");
  }

  @Test
  void shouldRaiseOneStationAlertListingBothLotsWhenAStationBurstFailsDevicesOfTwoLots() {
    for (int i = 0; i < 11; i++) {
      String lot = i < 5 ? "LOT-A" : "LOT-B";
      driver.send(assembledFrom("DEV-" + i, BEFORE.plusSeconds(i), lot));
      driver.send(failed("DEV-" + i, "ST-4", H0.plus(Duration.ofMinutes(5 + i))));
    }

    driver.send(failed("DEV-TICK", "ST-X", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=ST-4");
    assertThat(alerts.get(0).value.getAttributes())
        .containsEntry("count", "11")
        .containsEntry("alsoSpiking", "lot:LOT-A,lot:LOT-B,site:site-1");
  }

  @Test
  void shouldRaiseOnlyStationAlertWhenOnlyStationsAreCounted() {
    try (AnomalyDriver stationsOnly =
        new AnomalyDriver(
            AnomalyRules.from(
                Map.of("sealtrail.anomaly.attestation-spike.dimensions", "station")))) {
      stationsOnly.send(received("COMP-1", "LOT-9", "acme-parts", BEFORE));
      for (int i = 0; i < 6; i++) {
        stationsOnly.send(
            assembledFrom("DEV-" + i, BEFORE.plusSeconds(i), "LOT-9"),
            flashed("DEV-" + i, "2.4.1", BEFORE.plusSeconds(60 + i)),
            failed("DEV-" + i, "ST-4", H0.plus(Duration.ofMinutes(5 + i))));
      }
      stationsOnly.send(failed("DEV-TICK", "ST-X", AFTER_GRACE));
      stationsOnly.spikesSettle();

      assertThat(attestationSpikes(stationsOnly))
          .extracting(kv -> kv.value.getSubject().getId())
          .containsExactly("station=ST-4");
    }
  }

  // The fixtures' six flashes at ST-1 within a minute are a FLASH_SPIKE of their own.
  private static List<KeyValue<String, Alert>> attestationSpikes(AnomalyDriver driver) {
    return driver.alerts().stream()
        .filter(
            kv ->
                !(kv.value.getType() == AlertType.FLASH_SPIKE
                    && kv.value.getSubject().getId().equals("station=ST-1")))
        .toList();
  }

  @Test
  void shouldNotCountSupplierWhenLotWasNeverReceived() {
    for (int i = 0; i < 6; i++) {
      driver.send(assembledFrom("DEV-" + i, BEFORE.plusSeconds(i), "LOT-UNSEEN"));
      driver.send(failed("DEV-" + i, "ST-" + i, H0.plus(Duration.ofMinutes(5 + i))));
    }
    driver.send(failed("DEV-TICK", "ST-X", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("lot=LOT-UNSEEN");
  }
}
