package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Folds occurrences, each given as the alert it would open on its own and keyed by incident, into
 * alerts: the first opens an alert, repeats while it is not resolved update that same alert, and
 * each new version is forwarded keyed by alert id.
 */
public final class IncidentProcessor implements Processor<String, Alert, String, Alert> {
  private final AlertRules rules;
  private final AlertStores stores;
  private ProcessorContext<String, Alert> context;
  private AlertBook book;

  public IncidentProcessor(AlertRules rules, AlertStores stores) {
    this.rules = rules;
    this.stores = stores;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.book = AlertBook.of(context, stores);
  }

  @Override
  public void process(Record<String, Alert> record) {
    Alert occurrence = record.value();
    Alert current = book.unresolved(Alerts.incident(occurrence));
    Alert next = current == null ? occurrence : Alerts.repeat(current, occurrence, rules);
    book.save(next);
    context.forward(record.withKey(next.getAlertId()).withValue(next));
  }
}
