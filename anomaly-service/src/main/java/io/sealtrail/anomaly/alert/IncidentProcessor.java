package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Folds occurrences, each given as the alert it would open on its own and keyed by incident, into
 * alerts: the first opens an alert (stamped with the wall-clock time it was raised and the time
 * what raised it was received), repeats while it is not resolved update that same alert, and each
 * new version is forwarded keyed by alert id. A wall-clock punctuator escalates the serious alerts
 * nobody acknowledged in time ({@link Escalation}), so that happens with no further traffic.
 */
public final class IncidentProcessor extends BookProcessor<Alert> {
  private final AlertRules rules;

  public IncidentProcessor(AlertRules rules, AlertStores stores) {
    super(stores);
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    super.init(context);
    context.schedule(rules.escalationCheckEvery(), PunctuationType.WALL_CLOCK_TIME, this::escalate);
  }

  @Override
  public void process(Record<String, Alert> record) {
    Alert occurrence = record.value();
    Alert current = book().unresolved(Alerts.incident(occurrence));
    Alert next =
        current == null
            ? book()
                .withWaitingParent(
                    Alerts.raised(
                        occurrence,
                        Instant.ofEpochMilli(context().currentSystemTimeMs()),
                        Instant.ofEpochMilli(record.timestamp())))
            : Alerts.repeat(current, occurrence, rules);
    publish(record, next);
  }

  // Every unresolved alert of this task's incidents; the escalated version goes out like any other,
  // written at the instant it marks (the webhook tells the escalation by that).
  private void escalate(long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    for (Alert alert : book().unresolvedAlerts()) {
      if (Escalation.due(alert, now, rules.escalateAfter())) {
        Alert escalated = Escalation.escalated(alert, now);
        publish(new Record<>(escalated.getAlertId(), escalated, nowMillis), escalated);
      }
    }
  }
}
