package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.avro.alert.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The incidents the fold has raised, per window, each as its spikes (the raised one first), so that
 * a spike reaching the fold after its window was folded can join the incident it belongs to. Keys
 * are {@code <window key>/<incident>}, so a window's incidents are one prefix and windows iterate
 * in time order.
 */
final class FoldedIncidents {
  private final KeyValueStore<String, List<Alert>> store;

  FoldedIncidents(KeyValueStore<String, List<Alert>> store) {
    this.store = store;
  }

  /** The incidents raised for {@code window} so far, by store key. */
  Map<String, List<Alert>> of(String window) {
    Map<String, List<Alert>> incidents = new LinkedHashMap<>();
    try (KeyValueIterator<String, List<Alert>> found =
        store.prefixScan(window + "/", Serdes.String().serializer())) {
      found.forEachRemaining(kv -> incidents.put(kv.key, kv.value));
    }
    return incidents;
  }

  /** Keeps a new {@code incident} of {@code window}. */
  void put(String window, List<Alert> incident) {
    store.put(window + "/" + Alerts.incident(incident.get(0)), incident);
  }

  /** Keeps {@code incident}, found under {@code key}, with the spikes that joined it since. */
  void replace(String key, List<Alert> incident) {
    store.put(key, incident);
  }

  /** Forgets the windows that ended before {@code endMillis}. */
  void forgetEndedBefore(long endMillis) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, List<Alert>> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, List<Alert>> kv = all.next();
        if (SpikeWindows.endMillis(kv.key.substring(0, kv.key.indexOf('/'))) >= endMillis) {
          break;
        }
        old.add(kv.key);
      }
    }
    old.forEach(store::delete);
  }
}
