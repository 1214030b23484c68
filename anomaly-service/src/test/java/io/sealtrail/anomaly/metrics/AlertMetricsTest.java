package io.sealtrail.anomaly.metrics;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.lifecycle.AlertCommands;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.common.AlertType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlertMetricsTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant SEEN = T0.plus(Duration.ofSeconds(30));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AlertMetrics metrics =
      new AlertMetrics(registry, Clock.fixed(SEEN, ZoneOffset.UTC));

  @Test
  void shouldCountOpenedAndTimeDetectionWhenNewAlertArrivesLive() {
    metrics.changed(null, opened("DEV-1"), true);

    assertThat(registry.get(AlertMetrics.OPENED).tag("type", "SEAL_BROKEN").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(AlertMetrics.DETECT).timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(30.0);
    assertThat(registry.get(AlertMetrics.OPEN).gauge().value()).isEqualTo(1.0);
  }

  @Test
  void shouldTimeAcknowledgeAndResolveFromFirstSightingWhenOperatorActs() {
    Alert open = opened("DEV-2");
    Alert acknowledged =
        AlertCommands.applyTo(
            AlertCommands.to(open.getAlertId(), AlertStatus.ACKNOWLEDGED, "secops", null),
            open,
            T0.plus(Duration.ofMinutes(5)));
    Alert resolved =
        AlertCommands.applyTo(
            AlertCommands.to(open.getAlertId(), AlertStatus.RESOLVED, "secops", null),
            acknowledged,
            T0.plus(Duration.ofMinutes(20)));

    metrics.changed(null, open, true);
    metrics.changed(open, acknowledged, true);
    metrics.changed(acknowledged, resolved, true);

    assertThat(registry.get(AlertMetrics.ACKNOWLEDGE).timer().totalTime(TimeUnit.MINUTES))
        .isEqualTo(5.0);
    assertThat(registry.get(AlertMetrics.RESOLVE).timer().totalTime(TimeUnit.MINUTES))
        .isEqualTo(20.0);
    assertThat(registry.get(AlertMetrics.OPEN).gauge().value()).isEqualTo(0.0);
  }

  @Test
  void shouldOnlyMoveGaugeWhenVersionsAreReplayed() {
    metrics.changed(null, opened("DEV-3"), false);

    assertThat(registry.find(AlertMetrics.OPENED).counter()).isNull();
    assertThat(registry.find(AlertMetrics.DETECT).timer()).isNull();
    assertThat(registry.get(AlertMetrics.OPEN).gauge().value()).isEqualTo(1.0);
  }

  private static Alert opened(String serial) {
    return Alerts.open(
        Occurrence.of(violation(AlertType.SEAL_BROKEN, serial, T0).build()), AlertRules.defaults());
  }
}
