package io.sealtrail.anomaly.alert;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.fixtures.ViolationFixture;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alert storms fold: each device's ATTESTATION_FAILED alert counted in an ATTESTATION_FAILURE_SPIKE
 * links to the spike as its parent, exactly once, whichever is processed first and however many
 * devices the burst failed (beyond the spike's evidence cap too); a device that failed elsewhere
 * does not.
 */
class StormFoldTest {
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant AFTER_GRACE = H0.plus(Duration.ofHours(2)).plusSeconds(600);

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldLinkEachBurstDevicesAlertToTheSpikeWhenTheSpikeIsRaised() {
    for (int i = 0; i < 12; i++) {
      Instant at = H0.plus(Duration.ofMinutes(10 + i));
      String serial = "DEV-B" + i;
      // custody-stream's own alert for each failure, and the event the spike counts.
      driver.send(
          violation(AlertType.ATTESTATION_FAILED, serial, at)
              .severity(Severity.MEDIUM)
              .event("ATTESTED-" + serial));
      driver.send(failed(serial, "ST-4", at));
    }
    driver.send(violation(AlertType.ATTESTATION_FAILED, "DEV-ELSEWHERE", H0.plusSeconds(60)));
    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> versions = driver.alerts();
    Alert spike =
        versions.stream()
            .map(kv -> kv.value)
            .filter(a -> a.getType() == AlertType.ATTESTATION_FAILURE_SPIKE)
            .findFirst()
            .orElseThrow();
    Map<String, String> parents =
        versions.stream()
            .map(kv -> kv.value)
            .filter(a -> a.getType() == AlertType.ATTESTATION_FAILED)
            .filter(a -> a.getParentAlertId() != null)
            .collect(
                Collectors.toMap(
                    a -> a.getSubject().getId(), Alert::getParentAlertId, (x, y) -> y));

    assertThat(parents).hasSize(12).containsValue(spike.getAlertId());
    assertThat(parents.values()).containsOnly(spike.getAlertId());
    assertThat(parents).doesNotContainKey("DEV-ELSEWHERE");
    assertThat(
            driver.storedAlert("ATTESTATION_FAILED:DEV-B0@" + H0.plusSeconds(600).toEpochMilli()))
        .extracting(Alert::getParentAlertId)
        .isEqualTo(spike.getAlertId());
  }

  @Test
  void shouldFoldEveryDeviceUnderTheSpikeWhenTheBurstIsLargerThanTheEvidenceCap() {
    for (int i = 0; i < 25; i++) {
      Instant at = H0.plus(Duration.ofMinutes(10)).plusSeconds(30L * i);
      String serial = "DEV-S" + i;
      driver.send(deviceAlert(serial, at));
      driver.send(failed(serial, "ST-4", at));
    }
    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> versions = driver.alerts();
    Alert spike = spike(versions);
    assertThat(spike.getEvidence()).hasSizeLessThan(25);
    assertThat(linkedVersions(versions, spike)).hasSize(25).allMatch(n -> n == 1);
  }

  @Test
  void shouldLinkDeviceAlertsRaisedAfterTheirSpikeWhenTheSpikeWasProcessedFirst() {
    for (int i = 0; i < 25; i++) {
      driver.send(failed("DEV-L" + i, "ST-4", H0.plus(Duration.ofMinutes(10 + i))));
    }
    driver.send(failed("DEV-TICK", "ST-9", AFTER_GRACE));
    driver.spikesSettle();
    Alert spike = spike(driver.alerts());

    for (int i = 0; i < 25; i++) {
      driver.send(deviceAlert("DEV-L" + i, H0.plus(Duration.ofMinutes(10 + i))));
    }
    List<KeyValue<String, Alert>> versions = driver.alerts();

    assertThat(linkedVersions(versions, spike)).hasSize(25).allMatch(n -> n == 1);
    assertThat(versions)
        .map(kv -> kv.value)
        .filteredOn(a -> a.getType() == AlertType.ATTESTATION_FAILED)
        .filteredOn(a -> a.getParentAlertId() == null)
        .isEmpty();
  }

  private static ViolationFixture deviceAlert(String serial, Instant at) {
    // custody-stream's own alert for the failure the spike counts.
    return violation(AlertType.ATTESTATION_FAILED, serial, at)
        .severity(Severity.MEDIUM)
        .event("ATTESTED-" + serial);
  }

  private static Alert spike(List<KeyValue<String, Alert>> versions) {
    return versions.stream()
        .map(kv -> kv.value)
        .filter(a -> a.getType() == AlertType.ATTESTATION_FAILURE_SPIKE)
        .findFirst()
        .orElseThrow();
  }

  // Per device alert linked to the spike, how many of its versions set the link (1: exactly once).
  private static Collection<Long> linkedVersions(
      List<KeyValue<String, Alert>> versions, Alert spike) {
    return versions.stream()
        .map(kv -> kv.value)
        .filter(a -> a.getType() == AlertType.ATTESTATION_FAILED)
        .filter(a -> spike.getAlertId().equals(a.getParentAlertId()))
        .collect(Collectors.groupingBy(Alert::getAlertId, Collectors.counting()))
        .values();
  }
}
