package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Occurrence;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Compares each closed window's final tally with its cohort's baseline, forwards an occurrence with
 * the window's evidence when it spikes, folds the count into the baseline either way, and keeps the
 * judged window in the cohort's series for charts.
 */
final class SpikeProcessor implements Processor<Windowed<String>, Tally, String, Occurrence> {
  private final SpikeKind kind;
  private ProcessorContext<String, Occurrence> context;
  private KeyValueStore<String, String> baselines;
  private KeyValueStore<String, String> series;

  SpikeProcessor(SpikeKind kind) {
    this.kind = kind;
  }

  @Override
  public void init(ProcessorContext<String, Occurrence> context) {
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
      context.forward(record.withKey(o.key().value()).withValue(o));
    }
    baselines.put(cohort.key(), before.fold(tally.count(), end, kind.rules()).format());
    String kept = series.get(cohort.key());
    series.put(cohort.key(), SeriesWindow.append(kept, judged, kind.rules().seriesWindows()));
  }
}
