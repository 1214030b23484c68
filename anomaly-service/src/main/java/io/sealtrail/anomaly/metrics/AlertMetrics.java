package io.sealtrail.anomaly.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sealtrail.anomaly.view.AlertListener;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import io.sealtrail.avro.common.Evidence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alert lifecycle as meters: alerts opened per type and severity, time to detect (earliest
 * evidence, or first sighting, to the alert reaching this service), time to acknowledge and to
 * resolve (from first sighting), and the open alerts. Replayed versions only move the gauge.
 */
public final class AlertMetrics implements AlertListener {
  static final String OPENED = "sealtrail.anomaly.alerts.opened";
  static final String DETECT = "sealtrail.anomaly.alert.time.to.detect";
  static final String ACKNOWLEDGE = "sealtrail.anomaly.alert.time.to.acknowledge";
  static final String RESOLVE = "sealtrail.anomaly.alert.time.to.resolve";
  static final String OPEN = "sealtrail.anomaly.alerts.open";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, AlertStatus> statuses = new ConcurrentHashMap<>();

  public AlertMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    Gauge.builder(OPEN, statuses, AlertMetrics::unresolved)
        .description("Alerts OPEN or ACKNOWLEDGED")
        .register(registry);
  }

  @Override
  public void changed(Alert before, Alert after, boolean live) {
    statuses.put(after.getAlertId(), after.getStatus());
    if (!live) {
      return;
    }
    if (before == null) {
      opened(after);
    }
    if (reached(before, after, AlertStatus.ACKNOWLEDGED)) {
      since(ACKNOWLEDGE, after, transitionAt(after, AlertStatus.ACKNOWLEDGED), "acknowledged");
    }
    if (reached(before, after, AlertStatus.RESOLVED)) {
      since(RESOLVE, after, transitionAt(after, AlertStatus.RESOLVED), "resolved");
    }
  }

  private void opened(Alert alert) {
    Counter.builder(OPENED)
        .description("Alerts opened")
        .tag("type", alert.getType().name())
        .tag("severity", alert.getSeverity().name())
        .register(registry)
        .increment();
    Instant evidenced =
        alert.getEvidence().stream()
            .map(Evidence::getOccurredAt)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(alert.getFirstSeenAt());
    timer(DETECT, alert, "event time to the alert reaching the service")
        .record(nonNegative(Duration.between(evidenced, clock.instant())));
  }

  private void since(String name, Alert alert, Instant at, String what) {
    timer(name, alert, "first sighting until " + what)
        .record(nonNegative(Duration.between(alert.getFirstSeenAt(), at)));
  }

  private Timer timer(String name, Alert alert, String description) {
    return Timer.builder(name)
        .description(description)
        .tag("type", alert.getType().name())
        .register(registry);
  }

  // A move past the status counts once, even when a version skips it (OPEN to RESOLVED).
  private static boolean reached(Alert before, Alert after, AlertStatus status) {
    boolean was = before != null && before.getStatus().ordinal() >= status.ordinal();
    return !was && after.getStatus().ordinal() >= status.ordinal() && hasTransition(after, status);
  }

  private static boolean hasTransition(Alert alert, AlertStatus status) {
    return alert.getHistory().stream().anyMatch(t -> t.getStatus() == status);
  }

  private static Instant transitionAt(Alert alert, AlertStatus status) {
    return alert.getHistory().stream()
        .filter(t -> t.getStatus() == status)
        .map(AlertTransition::getAt)
        .findFirst()
        .orElseThrow();
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static double unresolved(Map<String, AlertStatus> statuses) {
    return statuses.values().stream().filter(s -> s != AlertStatus.RESOLVED).count();
  }
}
