package io.sealtrail.custody.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The events folded into a serial that still wait to be judged in event-time order: each is judged
 * once the grace after it has passed, when every event before it must have arrived. Kept in a
 * persistent store keyed by the event's time (zero-padded epoch milliseconds), serial and history
 * sequence, so that those due are found by a range scan; the value is when it was seen (wall-clock
 * epoch milliseconds).
 */
final class InTimeJudgements {
  /** Time, newline, serial, newline, history sequence → wall-clock millis when seen. */
  static final String STORE = "custody-in-time-judgements-store";

  private static final String SEPARATOR = "\n";
  private final KeyValueStore<String, String> store;

  /** An event still to be judged: the {@code sequence}-th folded into {@code serial}. */
  record Pending(String serial, long sequence) {}

  InTimeJudgements(KeyValueStore<String, String> store) {
    this.store = store;
  }

  static StoreBuilder<KeyValueStore<String, String>> store(Storage storage) {
    return storage.store(STORE, Serdes.String());
  }

  /** Judges the {@code sequence}-th event of {@code serial} once its grace has passed. */
  void await(String serial, long sequence, Instant occurredAt, Instant seenAt) {
    store.put(key(occurredAt, serial, sequence), Long.toString(seenAt.toEpochMilli()));
  }

  /**
   * Removes and returns the events due by {@code clock} and the partitions' progress, oldest first.
   */
  List<Pending> takeDue(Holding holding, DecisionClock clock, Watermarks progress) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> pending = candidates(holding, clock)) {
      pending.forEachRemaining(
          kv -> {
            Instant occurredAt = Instant.ofEpochMilli(Long.parseLong(kv.key.split(SEPARATOR)[0]));
            Instant seenAt = Instant.ofEpochMilli(Long.parseLong(kv.value));
            if (holding.due(
                occurredAt,
                seenAt,
                holding.grace(),
                clock,
                time -> progress.passedEverywhere(time, clock.quietFor()))) {
              due.add(kv);
            }
          });
    }
    due.forEach(kv -> store.delete(kv.key));
    return due.stream().map(kv -> pendingOf(kv.key)).toList();
  }

  /** When traffic moves stream time, only those old enough; when idle, every one. */
  private KeyValueIterator<String, String> candidates(Holding holding, DecisionClock clock) {
    if (clock.idle()) {
      return store.all();
    }
    Instant until = clock.streamTime().minus(holding.grace());
    return store.range(null, ZeroPadded.of(until.toEpochMilli() + 1, 20));
  }

  private static String key(Instant occurredAt, String serial, long sequence) {
    StringBuilder key = new StringBuilder(41 + serial.length());
    ZeroPadded.appendTo(key, occurredAt.toEpochMilli(), 20).append(SEPARATOR);
    return ZeroPadded.appendTo(key.append(serial).append(SEPARATOR), sequence, 19).toString();
  }

  private static Pending pendingOf(String key) {
    String[] parts = key.split(SEPARATOR);
    return new Pending(parts[1], Long.parseLong(parts[2]));
  }
}
