package io.sealtrail.anomaly.lifecycle;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static io.sealtrail.avro.common.AlertType.SEAL_BROKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant ACKED = T0.plus(Duration.ofMinutes(10));
  private static final Instant RESOLVED = T0.plus(Duration.ofMinutes(30));
  private static final Instant RECURS = T0.plus(Duration.ofHours(2));
  private static final String ALERT = "SEAL_BROKEN:DEV-1@" + T0.toEpochMilli();

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldAcknowledgeAlertWhenOperatorAcknowledges() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0)).alerts();

    driver.command(acknowledge(ALERT, "alice", "looking at the seal"), ACKED);

    Alert acked = only(driver.alerts());
    assertThat(acked.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    AlertTransition last = acked.getHistory().get(acked.getHistory().size() - 1);
    assertThat(last.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(last.getAt()).isEqualTo(ACKED);
    assertThat(last.getBy()).isEqualTo("alice");
    assertThat(last.getNote()).isEqualTo("looking at the seal");
    assertThat(driver.storedAlert(ALERT).getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
  }

  @Test
  void shouldOpenNewAlertWhenResolvedIncidentRecurs() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0));
    driver.command(resolve(ALERT, "bob", "seal replaced"), RESOLVED).alerts();

    driver.send(violation(SEAL_BROKEN, "DEV-1", RECURS));

    Alert recurrence = only(driver.alerts());
    assertThat(recurrence.getAlertId()).isEqualTo("SEAL_BROKEN:DEV-1@" + RECURS.toEpochMilli());
    assertThat(recurrence.getStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(recurrence.getCount()).isEqualTo(1);
    assertThat(driver.storedAlert(ALERT).getStatus()).isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void shouldKeepUpdatingAcknowledgedAlertWhenIncidentRepeats() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0));
    driver.command(acknowledge(ALERT, "alice", null), ACKED).alerts();

    driver.send(violation(SEAL_BROKEN, "DEV-1", RESOLVED));

    Alert updated = only(driver.alerts());
    assertThat(updated.getAlertId()).isEqualTo(ALERT);
    assertThat(updated.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(updated.getCount()).isEqualTo(2);
  }

  @Test
  void shouldChangeNothingWhenCommandIsUnknownOrMovesBackward() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0));
    driver.command(resolve(ALERT, null, null), RESOLVED).alerts();

    driver.command(acknowledge(ALERT, "alice", null), RECURS);
    // The command format before the Avro schema: not a command any more, and never a stop.
    driver.rawCommand(ALERT, "REOPEN".getBytes(StandardCharsets.UTF_8), RECURS);
    driver.command(resolve("SEAL_BROKEN:DEV-404@1", null, null), RECURS);

    assertThat(driver.alerts()).isEmpty();
    assertThat(driver.storedAlert(ALERT).getHistory())
        .extracting(AlertTransition::getStatus)
        .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
  }

  @Test
  void shouldRecordNoOneWhenWhoAndNoteAreBlank() {
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0)).alerts();

    driver.command(acknowledge(ALERT, " ", ""), ACKED);

    AlertTransition last = only(driver.alerts()).getHistory().get(1);
    assertThat(last.getBy()).isNull();
    assertThat(last.getNote()).isNull();
  }

  private static AlertCommand acknowledge(String alertId, String by, String note) {
    return AlertCommands.to(alertId, AlertStatus.ACKNOWLEDGED, by, note);
  }

  private static AlertCommand resolve(String alertId, String by, String note) {
    return AlertCommands.to(alertId, AlertStatus.RESOLVED, by, note);
  }

  private static Alert only(List<KeyValue<String, Alert>> alerts) {
    assertThat(alerts).hasSize(1);
    return alerts.get(0).value;
  }
}
