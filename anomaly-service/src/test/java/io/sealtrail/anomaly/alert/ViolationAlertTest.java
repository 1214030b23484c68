package io.sealtrail.anomaly.alert;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static io.sealtrail.avro.common.AlertType.SEAL_BROKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.spike.SpikeRules;
import io.sealtrail.anomaly.stale.StaleRules;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViolationAlertTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofMinutes(5));
  private static final Instant T2 = T0.plus(Duration.ofMinutes(9));

  private final AnomalyDriver driver =
      new AnomalyDriver(
          new AnomalyRules(
              new AlertRules(3),
              SpikeRules.defaults(),
              SpikeRules.defaults(),
              StaleRules.defaults(),
              6));

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldOpenAlertWhenFirstViolationOfIncidentArrives() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0));

    List<KeyValue<String, Alert>> alerts = driver.alerts();

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0).value;
    assertThat(alerts.get(0).key).isEqualTo("SEAL_BROKEN:DEV-1@" + T0.toEpochMilli());
    assertThat(alert.getStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(alert.getSubject().getKind()).isEqualTo(SubjectKind.SERIAL);
    assertThat(alert.getSubject().getId()).isEqualTo("DEV-1");
    assertThat(alert.getCount()).isEqualTo(1);
    assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(alert.getLinks()).containsExactly("/v1/serials/DEV-1/history");
    assertThat(alert.getHistory()).extracting(t -> t.getStatus()).containsExactly(AlertStatus.OPEN);
    assertThat(driver.storedAlert(alert.getAlertId()).getCount()).isEqualTo(1);
  }

  @Test
  void shouldOpenCriticalAlertNamingTheHoldWhenHoldViolationArrives() {
    driver.send(
        violation(AlertType.HOLD_VIOLATION, "DEV-9", T0)
            .severity(Severity.CRITICAL)
            .attribute("holdId", "h-1")
            .attribute("heldId", "LOT-7"));

    Alert alert = driver.alerts().get(0).value;
    assertThat(alert.getType()).isEqualTo(AlertType.HOLD_VIOLATION);
    assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.getSubject().getId()).isEqualTo("DEV-9");
    assertThat(alert.getAttributes())
        .containsEntry("holdId", "h-1")
        .containsEntry("heldId", "LOT-7");
    assertThat(alert.getLinks()).containsExactly("/v1/serials/DEV-9/history");
  }

  @Test
  void shouldUpdateSameAlertWhenIncidentRepeats() {
    driver.send(
        violation(SEAL_BROKEN, "DEV-1", T0),
        violation(SEAL_BROKEN, "DEV-1", T1).severity(Severity.CRITICAL));

    List<KeyValue<String, Alert>> alerts = driver.alerts();

    assertThat(alerts)
        .extracting(kv -> kv.key)
        .containsOnly("SEAL_BROKEN:DEV-1@" + T0.toEpochMilli());
    Alert latest = alerts.get(1).value;
    assertThat(latest.getCount()).isEqualTo(2);
    assertThat(latest.getFirstSeenAt()).isEqualTo(T0);
    assertThat(latest.getLastSeenAt()).isEqualTo(T1);
    assertThat(latest.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(latest.getEvidence()).hasSize(2);
  }

  @Test
  void shouldKeepFirstAndLatestEvidenceWhenRepeatsExceedBound() {
    IntStream.range(0, 5)
        .forEach(
            i -> driver.send(violation(SEAL_BROKEN, "DEV-1", T0.plusSeconds(i)).event("e" + i)));

    List<KeyValue<String, Alert>> alerts = driver.alerts();

    Alert latest = alerts.get(alerts.size() - 1).value;
    assertThat(latest.getCount()).isEqualTo(5);
    assertThat(latest.getEvidence())
        .extracting(e -> e.getEventId())
        .containsExactly("e0", "e3", "e4");
  }

  @Test
  void shouldOpenAnotherAlertWhenDifferentSerialViolates() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0), violation(SEAL_BROKEN, "DEV-2", T2));

    List<KeyValue<String, Alert>> alerts = driver.alerts();

    assertThat(alerts)
        .extracting(kv -> kv.key)
        .containsExactly(
            "SEAL_BROKEN:DEV-1@" + T0.toEpochMilli(), "SEAL_BROKEN:DEV-2@" + T2.toEpochMilli());
    assertThat(alerts).allSatisfy(kv -> assertThat(kv.value.getCount()).isEqualTo(1));
  }
}
