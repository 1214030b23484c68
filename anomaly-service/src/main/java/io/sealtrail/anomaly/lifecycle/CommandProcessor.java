package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.anomaly.alert.AlertBook;
import io.sealtrail.anomaly.alert.AlertStores;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies acknowledge and resolve commands (keyed by incident; the command names its alert) to the
 * alert store and forwards the changed alert; resolving frees the incident, so a recurrence opens a
 * new alert. Unknown alerts and backward moves change nothing.
 */
public final class CommandProcessor implements Processor<String, AlertCommand, String, Alert> {
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
  public void process(Record<String, AlertCommand> record) {
    AlertCommand command = record.value();
    Alert alert = book.get(command.getAlertId());
    if (alert != null && AlertCommands.appliesTo(command, alert)) {
      Instant at = Instant.ofEpochMilli(record.timestamp());
      apply(record, AlertCommands.applyTo(command, alert, at));
    }
  }

  private void apply(Record<String, AlertCommand> record, Alert changed) {
    book.save(changed);
    context.forward(record.withKey(changed.getAlertId()).withValue(changed));
  }

  /** {@code TYPE:subject} from an alert id {@code TYPE:subject@firstSeenMillis}. */
  public static String incidentOf(String alertId) {
    int at = alertId.lastIndexOf('@');
    return at < 0 ? alertId : alertId.substring(0, at);
  }
}
