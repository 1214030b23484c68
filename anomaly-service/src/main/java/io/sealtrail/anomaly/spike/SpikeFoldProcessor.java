package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.avro.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gathers one kind's spiking cohorts per window in a persistent store and, once a record's stream
 * time passes the window's fold time (end + grace + settle), folds them into incidents ({@link
 * SpikeFold}) and forwards one alert per incident keyed by incident.
 */
final class SpikeFoldProcessor implements Processor<String, List<Alert>, String, Alert> {
  private final SpikeKind kind;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, List<Alert>> pending;

  SpikeFoldProcessor(SpikeKind kind) {
    this.kind = kind;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.pending = context.getStateStore(SpikeStores.pending(kind));
  }

  @Override
  public void process(Record<String, List<Alert>> record) {
    if (!SpikeWindows.isTick(record.value())) {
      List<Alert> spikes = new ArrayList<>(orEmpty(pending.get(record.key())));
      spikes.addAll(record.value());
      pending.put(record.key(), spikes);
    }
    // The record's own time, not the task's: a spike is stamped with its window's close, so the
    // spikes judged together never fold their own window before their siblings have arrived.
    foldUntil(record.timestamp());
  }

  private void foldUntil(long streamTime) {
    List<KeyValue<String, List<Alert>>> due = new ArrayList<>();
    try (KeyValueIterator<String, List<Alert>> windows = pending.all()) {
      while (windows.hasNext()) {
        KeyValue<String, List<Alert>> window = windows.next();
        if (kind.rules().foldAtMillis(SpikeWindows.endMillis(window.key)) > streamTime) {
          break;
        }
        due.add(window);
      }
    }
    for (KeyValue<String, List<Alert>> window : due) {
      pending.delete(window.key);
      for (Alert incident : SpikeFold.fold(window.value)) {
        context.forward(new Record<>(Alerts.incident(incident), incident, streamTime));
      }
    }
  }

  private static List<Alert> orEmpty(List<Alert> spikes) {
    return spikes == null ? List.of() : spikes;
  }
}
