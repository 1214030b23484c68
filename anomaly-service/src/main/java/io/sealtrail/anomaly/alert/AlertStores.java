package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The named persistent stores of the alert processor. Their names also name their changelog topics,
 * so they never change.
 */
public final class AlertStores {
  /** Alert id → the alert as last published. */
  public static final String ALERTS = "anomaly-alerts-store";

  /** Incident key ({@code TYPE:subject}) → the id of its current, not yet resolved, alert. */
  public static final String OPEN_INCIDENTS = "anomaly-open-incidents-store";

  private AlertStores() {}

  public static StoreBuilder<KeyValueStore<String, Alert>> alerts(Serde<Alert> serde) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ALERTS), Serdes.String(), serde);
  }

  public static StoreBuilder<KeyValueStore<String, String>> openIncidents() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(OPEN_INCIDENTS), Serdes.String(), Serdes.String());
  }
}
