package io.sealtrail.anomaly.alert;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.lifecycle.AlertCommands;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation by time alone: an OPEN alert of severity HIGH or above that nobody acknowledged within
 * escalate-after gets one new version marked escalated, fired by the wall clock with no further
 * record; never twice, never when acknowledged in time, and not again after a restart.
 */
class EscalationTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Duration AFTER = Duration.ofMinutes(15);
  private static final Duration CHECK = AlertRules.DEFAULT_ESCALATION_CHECK;

  private final AnomalyDriver driver = new AnomalyDriver(AnomalyRules.defaults());

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldEscalateOnceWhenAHighAlertStaysOpenPastEscalateAfterWithNoTraffic() {
    driver.send(violation(AlertType.SEAL_BROKEN, "DEV-E1", T0).severity(Severity.HIGH));
    Alert raised = single(driver.alerts());
    assertThat(raised.getDetectedAt()).isEqualTo(AnomalyDriver.WALL_CLOCK);
    assertThat(raised.getEscalatedAt()).isNull();

    driver.wallClockPasses(AFTER.minus(CHECK));
    assertThat(driver.alerts()).as("not yet due").isEmpty();

    driver.wallClockPasses(CHECK.multipliedBy(2));
    Alert escalated = single(driver.alerts());
    assertThat(escalated.getAlertId()).isEqualTo(raised.getAlertId());
    assertThat(escalated.getStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(escalated.getEscalatedAt())
        .isAfterOrEqualTo(AnomalyDriver.WALL_CLOCK.plus(AFTER))
        .isBeforeOrEqualTo(AnomalyDriver.WALL_CLOCK.plus(AFTER).plus(CHECK.multipliedBy(2)));

    driver.wallClockPasses(Duration.ofHours(6));
    assertThat(driver.alerts()).as("escalated once only").isEmpty();
  }

  @Test
  void shouldNotEscalateWhenAcknowledgedInTime() {
    driver.send(violation(AlertType.CLONE_SUSPECTED, "DEV-E2", T0).severity(Severity.CRITICAL));
    Alert raised = single(driver.alerts());
    driver.wallClockPasses(Duration.ofMinutes(5));
    driver.command(
        AlertCommands.to(raised.getAlertId(), AlertStatus.ACKNOWLEDGED, "secops", "on it"),
        AnomalyDriver.WALL_CLOCK.plus(Duration.ofMinutes(5)));
    assertThat(single(driver.alerts()).getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);

    driver.wallClockPasses(Duration.ofHours(1));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldNotEscalateWhenSeverityIsBelowHigh() {
    driver.send(violation(AlertType.SEAL_BROKEN, "DEV-E3", T0).severity(Severity.MEDIUM));
    single(driver.alerts());

    driver.wallClockPasses(Duration.ofHours(1));

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldEscalateOnceAcrossARestartWhenTheStoreIsRestored() {
    KeyValueStore<String, Alert> alerts =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AlertStores.NAMES.alerts()),
                Serdes.String(),
                Serdes.serdeFrom(EscalationTest::encode, EscalationTest::decode))
            .withLoggingDisabled()
            .build();
    KeyValueStore<String, String> open =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AlertStores.NAMES.openIncidents()),
                Serdes.String(),
                Serdes.String())
            .withLoggingDisabled()
            .build();
    Instant raisedAt = Instant.parse("2026-06-01T00:00:00Z");
    Instant due = raisedAt.plus(AFTER);

    // Before the restart: raised, then the instance stops before it is due.
    MockProcessorContext<String, Alert> before = context(raisedAt, alerts, open);
    IncidentProcessor first = started(before);
    first.process(
        new Record<>(
            "SEAL_BROKEN:DEV-E4",
            Alerts.open(
                Occurrence.of(violation(AlertType.SEAL_BROKEN, "DEV-E4", T0).build()),
                AlertRules.defaults()),
            T0.toEpochMilli()));
    before
        .scheduledPunctuators()
        .get(0)
        .getPunctuator()
        .punctuate(due.minusSeconds(1).toEpochMilli());

    // After it: a new processor over the restored store, the wall clock past due, then later.
    MockProcessorContext<String, Alert> after = context(due, alerts, open);
    started(after);
    after.scheduledPunctuators().get(0).getPunctuator().punctuate(due.toEpochMilli());
    after
        .scheduledPunctuators()
        .get(0)
        .getPunctuator()
        .punctuate(due.plusSeconds(60).toEpochMilli());
    MockProcessorContext<String, Alert> again = context(due.plusSeconds(120), alerts, open);
    started(again);
    again
        .scheduledPunctuators()
        .get(0)
        .getPunctuator()
        .punctuate(due.plusSeconds(120).toEpochMilli());

    assertThat(before.forwarded()).hasSize(1);
    assertThat(after.forwarded())
        .extracting(f -> f.record().value().getEscalatedAt())
        .containsExactly(due);
    assertThat(again.forwarded()).isEmpty();
  }

  private static MockProcessorContext<String, Alert> context(
      Instant wallClock, KeyValueStore<String, Alert> alerts, KeyValueStore<String, String> open) {
    MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(wallClock.toEpochMilli());
    alerts.init(context.getStateStoreContext(), alerts);
    open.init(context.getStateStoreContext(), open);
    context.addStateStore(alerts);
    context.addStateStore(open);
    return context;
  }

  private static IncidentProcessor started(MockProcessorContext<String, Alert> context) {
    IncidentProcessor processor = new IncidentProcessor(AlertRules.defaults(), AlertStores.NAMES);
    processor.init(context);
    return processor;
  }

  private static byte[] encode(String topic, Alert alert) {
    try {
      ByteBuffer buffer = alert.toByteBuffer();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Alert decode(String topic, byte[] bytes) {
    try {
      return bytes == null ? null : Alert.fromByteBuffer(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Alert single(List<KeyValue<String, Alert>> versions) {
    assertThat(versions).hasSize(1);
    return versions.get(0).value;
  }
}
