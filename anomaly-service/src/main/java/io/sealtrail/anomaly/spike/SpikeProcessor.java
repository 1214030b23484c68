package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Tallies each cohort's hits per tumbling window and judges a window once it closes, checked every
 * {@link #CHECK_EVERY} of the wall clock: on stream time (end + grace, as a replay needs) or on the
 * wall clock (grace after the later of its end and its last hit's arrival, so a burst that is the
 * last traffic is judged too). A judged window is compared with its cohort's baseline; a spike is
 * forwarded as the alert the cohort's spike would open (keyed by window, for the fold); the count
 * is folded into the baseline either way and the window kept in the cohort's series for charts. A
 * window is judged once: its end becomes the cohort's last judged end, and a hit for a window at or
 * before it is late and not counted.
 *
 * <p>A window closed on stream time is judged only once the wall settle ({@link
 * SpikeRules#wallSettle}) has passed since its last hit arrived, and a hit for a window not judged
 * yet counts however far stream time has moved on: ingest keeps each partner's order, not two
 * partners', so the hits of a burst sent in one batch with another partner's later events may come
 * behind hits carrying stream time past the burst's close (the 3,000-device demo's missed
 * FLASH_SPIKE). Live, a window closes a grace after its end, long after its last hit, so this
 * changes nothing; in a replay it closes a settle later.
 */
final class SpikeProcessor implements Processor<String, Evidence, String, List<Alert>> {
  // Closes come at most this much after they are due.
  static final Duration CHECK_EVERY = Duration.ofSeconds(1);

  private final SpikeKind kind;
  private final SpikeRules rules;
  private final AlertRules alertRules;
  private ProcessorContext<String, List<Alert>> context;
  private KeyValueStore<String, OpenWindow> open;
  private KeyValueStore<String, String> baselines;
  private KeyValueStore<String, String> series;

  SpikeProcessor(SpikeKind kind) {
    this.kind = kind;
    this.rules = kind.rules();
    this.alertRules = new AlertRules(kind.maxEvidence());
  }

  @Override
  public void init(ProcessorContext<String, List<Alert>> context) {
    this.context = context;
    this.open = context.getStateStore(SpikeStores.open(kind));
    this.baselines = context.getStateStore(SpikeStores.baselines(kind));
    this.series = context.getStateStore(SpikeStores.series(kind));
    context.schedule(
        CHECK_EVERY,
        PunctuationType.WALL_CLOCK_TIME,
        wall -> closeDue(context.currentStreamTimeMs(), wall));
  }

  @Override
  public void process(Record<String, Evidence> hit) {
    long end = rules.windowEndOf(hit.timestamp());
    Baseline baseline = Baseline.parse(baselines.get(hit.key()));
    // Too late only once its window was judged (on stream time or the wall clock).
    if (end > baseline.lastWindowEnd()) {
      String key = new OpenWindowKey(end, hit.key()).format();
      long wall = context.currentSystemTimeMs();
      open.put(key, OpenWindow.with(open.get(key), hit.value(), wall, kind.maxEvidence()));
    }
    // Judged by the wall-clock check alone: a window past its close on stream time waits the wall
    // settle after its last hit anyway, so a scan of the open windows on every hit would mostly
    // find nothing due, at a cost that grows with the windows a replay holds open.
  }

  /**
   * Judges every window closed on stream time (and settled on the wall clock) or on the wall clock,
   * in window order, so each cohort's windows are judged oldest first: a cohort's window waits
   * while an older one of the same cohort is still open, as judging it would mark the older one
   * judged.
   */
  private void closeDue(long streamTime, long wall) {
    List<KeyValue<OpenWindowKey, OpenWindow>> due = new ArrayList<>();
    Set<String> waiting = new HashSet<>();
    try (KeyValueIterator<String, OpenWindow> windows = open.all()) {
      while (windows.hasNext()) {
        KeyValue<String, OpenWindow> window = windows.next();
        OpenWindowKey key = OpenWindowKey.parse(window.key);
        long end = key.endMillis();
        long lastArrival = window.value.lastArrivalMillis();
        boolean closedOnStreamTime =
            end + rules.grace().toMillis() <= streamTime
                && lastArrival + rules.wallSettle().toMillis() <= wall;
        boolean closed = closedOnStreamTime || rules.closesAtMillis(end, lastArrival) <= wall;
        if (closed && !waiting.contains(key.cohort())) {
          due.add(KeyValue.pair(key, window.value));
        } else {
          waiting.add(key.cohort());
        }
      }
    }
    for (KeyValue<OpenWindowKey, OpenWindow> window : due) {
      open.delete(window.key.format());
      judge(Cohort.parse(window.key.cohort()), window.key.endMillis(), window.value.tally());
    }
  }

  private void judge(Cohort cohort, long end, Tally tally) {
    Baseline before = Baseline.parse(baselines.get(cohort.key()));
    if (end <= before.lastWindowEnd()) {
      return;
    }
    // A cohort silent for a day has no recent normal: decay over the quiet windows first.
    Baseline reference = before.decayedTo(end, rules);
    SeriesWindow judged =
        new SeriesWindow(
            end - rules.window().toMillis(),
            end,
            tally.count(),
            reference.mean(),
            reference.threshold(rules));
    if (judged.spike()) {
      Occurrence o = kind.occurrence(cohort, judged, tally.evidence());
      // Stamped with the window's close, before its fold time, so it cannot fold its own window.
      long closed = end + rules.grace().toMillis();
      context.forward(
          new Record<>(SpikeWindows.key(end), List.of(Alerts.open(o, alertRules)), closed));
    }
    baselines.put(cohort.key(), before.fold(tally.count(), end, rules).format());
    String kept = series.get(cohort.key());
    series.put(cohort.key(), SeriesWindow.append(kept, judged, rules.seriesWindows()));
  }
}
