package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds occurrences, each given as the alert it would open on its own and keyed by incident, into
 * alerts: the first opens an alert, repeats while it is not resolved update that same alert, and
 * each new version is forwarded keyed by alert id.
 */
public final class IncidentProcessor implements Processor<String, Alert, String, Alert> {
  private final AlertRules rules;
  private final AlertStores stores;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Alert> alerts;
  private KeyValueStore<String, String> open;

  public IncidentProcessor(AlertRules rules, AlertStores stores) {
    this.rules = rules;
    this.stores = stores;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.alerts = context.getStateStore(stores.alerts());
    this.open = context.getStateStore(stores.openIncidents());
  }

  @Override
  public void process(Record<String, Alert> record) {
    Alert occurrence = record.value();
    String incident = Alerts.incident(occurrence);
    Alert current = current(incident);
    Alert next = current == null ? occurrence : Alerts.repeat(current, occurrence, rules);
    alerts.put(next.getAlertId(), next);
    open.put(incident, next.getAlertId());
    context.forward(record.withKey(next.getAlertId()).withValue(next));
  }

  private Alert current(String incident) {
    String alertId = open.get(incident);
    Alert alert = alertId == null ? null : alerts.get(alertId);
    return alert == null || alert.getStatus() == AlertStatus.RESOLVED ? null : alert;
  }
}
