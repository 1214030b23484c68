package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.avro.alert.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gathers one kind's spiking cohorts per window in a persistent store and, once they have settled
 * ({@link SpikeRules#foldDue}: stream time past the window's fold time, or the settle passed on the
 * wall clock with no traffic), folds them into incidents ({@link SpikeFold}). A new incident is
 * forwarded as its alert; one that shares evidence with an incident already raised for the window
 * (its spikes came late) is forwarded as a repeat of that alert, naming the late cohorts too.
 */
final class SpikeFoldProcessor implements Processor<String, List<Alert>, String, Alert> {
  // Often enough that a settled window waits at most a second more than its settle.
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

  private final SpikeKind kind;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, PendingWindow> pending;
  private FoldedIncidents folded;

  SpikeFoldProcessor(SpikeKind kind) {
    this.kind = kind;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.pending = context.getStateStore(SpikeStores.pending(kind));
    this.folded = new FoldedIncidents(context.getStateStore(SpikeStores.folded(kind)));
    context.schedule(
        CHECK_EVERY,
        PunctuationType.WALL_CLOCK_TIME,
        wall -> foldSettled(context.currentStreamTimeMs(), wall));
  }

  @Override
  public void process(Record<String, List<Alert>> record) {
    long wall = context.currentSystemTimeMs();
    if (!SpikeWindows.isTick(record.value())) {
      pending.put(
          record.key(), PendingWindow.with(pending.get(record.key()), record.value(), wall));
    }
    // The record's own time, not the task's: a spike is stamped with its window's close, so the
    // spikes judged together never fold their own window before their siblings have arrived.
    foldSettled(record.timestamp(), wall);
  }

  private void foldSettled(long streamTime, long wall) {
    for (KeyValue<String, PendingWindow> window : settled(streamTime, wall)) {
      pending.delete(window.key);
      fold(window.key, window.value.spikes(), streamTime);
    }
    folded.forgetEndedBefore(streamTime - kind.rules().foldedRetention().toMillis());
  }

  private List<KeyValue<String, PendingWindow>> settled(long streamTime, long wall) {
    List<KeyValue<String, PendingWindow>> due = new ArrayList<>();
    try (KeyValueIterator<String, PendingWindow> windows = pending.all()) {
      while (windows.hasNext()) {
        KeyValue<String, PendingWindow> window = windows.next();
        long end = SpikeWindows.endMillis(window.key);
        if (kind.rules().foldDue(end, window.value.firstArrivalMillis(), streamTime, wall)) {
          due.add(window);
        }
      }
    }
    return due;
  }

  private void fold(String window, List<Alert> spikes, long streamTime) {
    Map<String, List<Alert>> raised = folded.of(window);
    List<String> keys = new ArrayList<>(raised.keySet());
    List<List<Alert>> incidents = SpikeFold.incidents(new ArrayList<>(raised.values()), spikes);
    for (int i = 0; i < incidents.size(); i++) {
      List<Alert> incident = incidents.get(i);
      if (i >= keys.size()) {
        folded.put(window, incident);
        forward(SpikeFold.alertOf(incident), streamTime);
      } else if (incident.size() > raised.get(keys.get(i)).size()) {
        folded.replace(keys.get(i), incident);
        forward(SpikeFold.lateJoin(incident), streamTime);
      }
    }
  }

  private void forward(Alert alert, long streamTime) {
    context.forward(new Record<>(Alerts.incident(alert), alert, streamTime));
  }
}
