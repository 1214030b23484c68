package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The names of the alert processors' persistent stores: alert id → alert as last published,
 * incident key ({@code TYPE:subject}) → id of its current alert, and device incident → the storm
 * link waiting for its alert to be raised ({@link StormLink}). The names also name the changelog
 * topics, so they never change.
 */
public record AlertStores(String alerts, String openIncidents, String stormParents) {
  /** The one set of stores, partitioned by incident key, that every alert lives in. */
  public static final AlertStores NAMES =
      new AlertStores(
          "anomaly-alerts-store", "anomaly-open-incidents-store", "anomaly-storm-parents-store");

  public StoreBuilder<KeyValueStore<String, Alert>> alertStore(Serde<Alert> serde) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(alerts), Serdes.String(), serde);
  }

  public StoreBuilder<KeyValueStore<String, String>> openIncidentStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(openIncidents), Serdes.String(), Serdes.String());
  }

  public StoreBuilder<KeyValueStore<String, String>> stormParentStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(stormParents), Serdes.String(), Serdes.String());
  }
}
