package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.anomaly.alert.AlertStores;
import io.sealtrail.anomaly.alert.BookProcessor;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies acknowledge and resolve commands (keyed by incident; the command names its alert) to the
 * alert store and forwards the changed alert; resolving frees the incident, so a recurrence opens a
 * new alert. Unknown alerts and backward moves change nothing.
 */
public final class CommandProcessor extends BookProcessor<AlertCommand> {
  public CommandProcessor(AlertStores stores) {
    super(stores);
  }

  @Override
  public void process(Record<String, AlertCommand> record) {
    AlertCommand command = record.value();
    Alert alert = book().get(command.getAlertId());
    if (alert != null && AlertCommands.appliesTo(command, alert)) {
      Instant at = Instant.ofEpochMilli(record.timestamp());
      publish(record, AlertCommands.applyTo(command, alert, at));
    }
  }

  /** {@code TYPE:subject} from an alert id {@code TYPE:subject@firstSeenMillis}. */
  public static String incidentOf(String alertId) {
    int at = alertId.lastIndexOf('@');
    return at < 0 ? alertId : alertId.substring(0, at);
  }
}
