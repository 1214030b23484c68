package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.anomaly.alert.AlertBook;
import io.sealtrail.anomaly.alert.AlertStores;
import io.sealtrail.avro.alert.Alert;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies acknowledge and resolve commands (keyed by incident, valued alert id, newline, command)
 * to the alert store and forwards the changed alert; resolving frees the incident, so a recurrence
 * opens a new alert. Unknown alerts, bad commands and backward moves change nothing.
 */
public final class CommandProcessor implements Processor<String, String, String, Alert> {
  private final AlertStores stores;
  private ProcessorContext<String, Alert> context;
  private AlertBook book;

  public CommandProcessor(AlertStores stores) {
    this.stores = stores;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.book = AlertBook.of(context, stores);
  }

  @Override
  public void process(Record<String, String> record) {
    int newline = record.value().indexOf('\n');
    String alertId = record.value().substring(0, newline);
    Alert alert = book.get(alertId);
    AlertCommand.parse(record.value().substring(newline + 1))
        .filter(command -> alert != null && command.appliesTo(alert))
        .ifPresent(
            command ->
                apply(record, command.applyTo(alert, Instant.ofEpochMilli(record.timestamp()))));
  }

  private void apply(Record<String, String> record, Alert changed) {
    book.save(changed);
    context.forward(record.withKey(changed.getAlertId()).withValue(changed));
  }

  /** Alert id, newline, command: the value routed to the incident's partition. */
  public static String routed(String alertId, String command) {
    return alertId + "\n" + command;
  }

  /** {@code TYPE:subject} from an alert id {@code TYPE:subject@firstSeenMillis}. */
  public static String incidentOf(String alertId) {
    int at = alertId.lastIndexOf('@');
    return at < 0 ? alertId : alertId.substring(0, at);
  }
}
