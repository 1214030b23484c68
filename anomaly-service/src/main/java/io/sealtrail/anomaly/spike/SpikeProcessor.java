package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.alert.Alert;
import java.util.List;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Compares each closed window's final tally with its cohort's baseline, forwards the alert the
 * cohort's spike would open (keyed by window, for the fold) when it spikes, folds the count into
 * the baseline either way, and keeps the judged window in the cohort's series for charts.
 */
final class SpikeProcessor implements Processor<Windowed<String>, Tally, String, List<Alert>> {
  private final SpikeKind kind;
  private final AlertRules alertRules;
  private ProcessorContext<String, List<Alert>> context;
  private KeyValueStore<String, String> baselines;
  private KeyValueStore<String, String> series;

  SpikeProcessor(SpikeKind kind) {
    this.kind = kind;
    this.alertRules = new AlertRules(kind.maxEvidence());
  }

  @Override
  public void init(ProcessorContext<String, List<Alert>> context) {
    this.context = context;
    this.baselines = context.getStateStore(SpikeStores.baselines(kind));
    this.series = context.getStateStore(SpikeStores.series(kind));
  }

  @Override
  public void process(Record<Windowed<String>, Tally> record) {
    Cohort cohort = Cohort.parse(record.key().key());
    Tally tally = record.value();
    Baseline before = Baseline.parse(baselines.get(cohort.key()));
    long end = record.key().window().end();
    // A cohort silent for a day has no recent normal: decay over the quiet windows first.
    Baseline reference = before.decayedTo(end, kind.rules());
    SeriesWindow judged =
        new SeriesWindow(
            record.key().window().start(),
            end,
            tally.count(),
            reference.mean(),
            reference.threshold(kind.rules()));
    if (judged.spike()) {
      Occurrence o = kind.occurrence(cohort, judged, tally.evidence());
      // Stamped with the window's close, before its fold time, so it cannot fold its own window.
      long closed = end + kind.rules().grace().toMillis();
      context.forward(
          new Record<>(SpikeWindows.key(end), List.of(Alerts.open(o, alertRules)), closed));
    }
    baselines.put(cohort.key(), before.fold(tally.count(), end, kind.rules()).format());
    String kept = series.get(cohort.key());
    series.put(cohort.key(), SeriesWindow.append(kept, judged, kind.rules().seriesWindows()));
  }
}
