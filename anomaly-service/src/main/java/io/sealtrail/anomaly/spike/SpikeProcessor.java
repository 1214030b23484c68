package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Occurrence;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Compares each closed window's final count with its cohort's baseline, forwards an occurrence when
 * it spikes, and folds the count into the baseline either way.
 */
final class SpikeProcessor implements Processor<Windowed<String>, Long, String, Occurrence> {
  private final SpikeKind kind;
  private ProcessorContext<String, Occurrence> context;
  private KeyValueStore<String, String> baselines;

  SpikeProcessor(SpikeKind kind) {
    this.kind = kind;
  }

  @Override
  public void init(ProcessorContext<String, Occurrence> context) {
    this.context = context;
    this.baselines = context.getStateStore(kind.named("baselines-store"));
  }

  @Override
  public void process(Record<Windowed<String>, Long> record) {
    Cohort cohort = Cohort.parse(record.key().key());
    long count = record.value();
    Baseline before = Baseline.parse(baselines.get(cohort.key()));
    long end = record.key().window().end();
    // A cohort silent for a day has no recent normal: decay over the quiet windows first.
    Baseline reference = before.decayedTo(end, kind.rules());
    if (reference.isSpike(count, kind.rules())) {
      Instant start = Instant.ofEpochMilli(record.key().window().start());
      Occurrence o =
          kind.occurrence(cohort, count, reference.mean(), start, Instant.ofEpochMilli(end));
      context.forward(record.withKey(o.key().value()).withValue(o));
    }
    baselines.put(cohort.key(), before.fold(count, end, kind.rules()).format());
  }
}
