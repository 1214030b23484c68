package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert stores as one book, for the processors that change alerts: find an alert or an
 * incident's unresolved one, and save a new version, keeping the incident index in step.
 */
public final class AlertBook {
  private final KeyValueStore<String, Alert> alerts;
  private final KeyValueStore<String, String> open;
  private final Supplier<KeyValueStore<String, String>> parents;

  private AlertBook(
      KeyValueStore<String, Alert> alerts,
      KeyValueStore<String, String> open,
      Supplier<KeyValueStore<String, String>> parents) {
    this.alerts = alerts;
    this.open = open;
    this.parents = parents;
  }

  /**
   * The book over the stores named {@code names}, which the processor must be connected to. The
   * storm-parents store is looked up only when a storm link is kept or a per-device alert of a
   * spike is raised, so processors that never do either need not connect it.
   */
  public static AlertBook of(ProcessorContext<?, ?> context, AlertStores names) {
    return new AlertBook(
        context.getStateStore(names.alerts()),
        context.getStateStore(names.openIncidents()),
        () -> context.getStateStore(names.stormParents()));
  }

  /** Keeps {@code link} for {@code incident} until its alert is raised (the first link stays). */
  public void waitForAlert(String incident, StormLink link) {
    parents.get().putIfAbsent(incident, link.format());
  }

  /**
   * {@code raised}, a new alert, with the parent a storm link kept for its incident names, if the
   * alert began in that spike's window; the kept link is used up either way.
   */
  public Alert withWaitingParent(Alert raised) {
    if (!StormLinks.CHILD_TYPE.containsValue(raised.getType())) {
      return raised;
    }
    String incident = Alerts.incident(raised);
    String kept = parents.get().delete(incident);
    if (kept == null || !StormLink.parse(kept).covers(raised)) {
      return raised;
    }
    return Alert.newBuilder(raised).setParentAlertId(StormLink.parse(kept).spikeAlertId()).build();
  }

  public Alert get(String alertId) {
    return alerts.get(alertId);
  }

  /** The incident's OPEN or ACKNOWLEDGED alert, or null. */
  public Alert unresolved(String incident) {
    String alertId = open.get(incident);
    Alert alert = alertId == null ? null : alerts.get(alertId);
    return alert == null || alert.getStatus() == AlertStatus.RESOLVED ? null : alert;
  }

  /** Every OPEN or ACKNOWLEDGED alert of the incidents in these stores. */
  public List<Alert> unresolvedAlerts() {
    List<Alert> found = new ArrayList<>();
    try (KeyValueIterator<String, String> all = open.all()) {
      all.forEachRemaining(
          kv -> {
            Alert alert = alerts.get(kv.value);
            if (alert != null && alert.getStatus() != AlertStatus.RESOLVED) {
              found.add(alert);
            }
          });
    }
    return found;
  }

  /** Stores {@code alert}; a resolved alert frees its incident, so a recurrence opens anew. */
  public void save(Alert alert) {
    alerts.put(alert.getAlertId(), alert);
    if (alert.getStatus() == AlertStatus.RESOLVED) {
      open.delete(Alerts.incident(alert));
    } else {
      open.put(Alerts.incident(alert), alert.getAlertId());
    }
  }
}
