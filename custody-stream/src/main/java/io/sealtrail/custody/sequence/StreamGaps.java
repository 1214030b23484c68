package io.sealtrail.custody.sequence;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.DecisionClock;
import io.sealtrail.custody.process.Holding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The runs of missing numbers each stream is waiting for, held as SEQUENCE_GAP violations keyed by
 * stream and the number of the first event after the run. A late event splits the run it falls in;
 * a run still open when the grace has passed is raised, once, and forgotten.
 */
final class StreamGaps {
  private final KeyValueStore<String, Violation> store;

  StreamGaps(KeyValueStore<String, Violation> store) {
    this.store = store;
  }

  void open(String stream, long afterNumber, Violation gap) {
    store.put(StreamKey.entry(stream, afterNumber), gap);
  }

  /**
   * Number {@code n}, below the stream's frontier, arrived: the run it falls in, if any (else it
   * was decided missing already), loses it. The part below keeps the time the run was noticed, with
   * {@code event} as the first event after it; the part above stays as it was.
   */
  void fill(String stream, long n, Observation event) {
    KeyValue<String, Violation> run = runAbove(stream, n);
    if (run == null || SequenceFindings.from(run.value) > n) {
      return;
    }
    Violation gap = run.value;
    long from = SequenceFindings.from(gap);
    long to = SequenceFindings.to(gap);
    if (n < to) {
      store.put(run.key, SequenceFindings.narrowed(gap, n + 1, to));
    } else {
      store.delete(run.key);
    }
    if (n > from) {
      store.put(StreamKey.entry(stream, n), SequenceFindings.below(gap, n - 1, event));
    }
  }

  /** Removes and returns the runs of {@code stream} that are due by {@code clock}. */
  List<Violation> releaseDue(String stream, Holding holding, Duration grace, DecisionClock clock) {
    try (KeyValueIterator<String, Violation> runs =
        store.prefixScan(StreamKey.prefix(stream), new StringSerializer())) {
      return releaseDue(runs, holding, grace, clock);
    }
  }

  /** Removes and returns the runs of every stream that are due by {@code clock}. */
  List<Violation> releaseDue(Holding holding, Duration grace, DecisionClock clock) {
    try (KeyValueIterator<String, Violation> runs = store.all()) {
      return releaseDue(runs, holding, grace, clock);
    }
  }

  private List<Violation> releaseDue(
      KeyValueIterator<String, Violation> runs,
      Holding holding,
      Duration grace,
      DecisionClock clock) {
    List<KeyValue<String, Violation>> due = new ArrayList<>();
    runs.forEachRemaining(
        kv -> {
          if (holding.due(kv.value.getOccurredAt(), kv.value.getDetectedAt(), grace, clock)) {
            due.add(kv);
          }
        });
    due.forEach(kv -> store.delete(kv.key));
    return due.stream().map(kv -> kv.value).toList();
  }

  /** The first run of {@code stream} whose first event after it is numbered above {@code n}. */
  private KeyValue<String, Violation> runAbove(String stream, long n) {
    if (n == Long.MAX_VALUE) {
      return null;
    }
    try (KeyValueIterator<String, Violation> runs =
        store.range(StreamKey.entry(stream, n + 1), StreamKey.entry(stream, Long.MAX_VALUE))) {
      return runs.hasNext() ? runs.next() : null;
    }
  }
}
