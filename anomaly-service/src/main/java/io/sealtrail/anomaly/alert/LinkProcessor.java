package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Links a device incident's unresolved alert to the spike it is evidence of ({@link StormLinks}):
 * the first spike to claim it stays its parent; an unknown incident or a resolved alert changes
 * nothing. The linked version is published like any other.
 */
public final class LinkProcessor extends BookProcessor<String> {
  public LinkProcessor(AlertStores stores) {
    super(stores);
  }

  @Override
  public void process(Record<String, String> link) {
    Alert alert = book().unresolved(link.key());
    if (alert != null && alert.getParentAlertId() == null && link.value() != null) {
      publish(link, Alert.newBuilder(alert).setParentAlertId(link.value()).build());
    }
  }
}
