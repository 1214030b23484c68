package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Links a device incident's unresolved alert to the spike it is evidence of ({@link StormLinks}):
 * the first spike to claim it stays its parent. When the incident has no unresolved alert yet (the
 * spike was processed before the device's own alert), the link waits in the book and the alert
 * takes it when raised ({@link AlertBook#withWaitingParent}). The linked version is published like
 * any other.
 */
public final class LinkProcessor extends BookProcessor<String> {
  public LinkProcessor(AlertStores stores) {
    super(stores);
  }

  @Override
  public void process(Record<String, String> link) {
    if (link.value() == null) {
      return;
    }
    StormLink parent = StormLink.parse(link.value());
    Alert alert = book().unresolved(link.key());
    if (alert == null) {
      book().waitForAlert(link.key(), parent);
    } else if (alert.getParentAlertId() == null) {
      publish(link, Alert.newBuilder(alert).setParentAlertId(parent.spikeAlertId()).build());
    }
  }
}
