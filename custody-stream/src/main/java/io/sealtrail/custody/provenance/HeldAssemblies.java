package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.process.ZeroPadded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assemblies each lot's receipt is awaited for, held as UNVERIFIED_COMPONENT violations keyed
 * by lot, the assembly's time and its violation id. A receipt of the lot that happened no later
 * than an assembly clears it; one still held when the grace has passed is raised, once, and
 * forgotten.
 *
 * <p>The assembly's time in the key (milliseconds, zero-padded, so that the store's byte order is
 * time order) lets an event of a lot look only at the lot's assemblies old enough to be decided:
 * before, every event of a lot read every assembly the lot held, and a lot of 100,000 devices
 * assembled before its receipt was reported took quadratic time to fold (the bench's lot trace
 * scenario did not fold its lot within 10 minutes).
 */
final class HeldAssemblies {
  private static final String SEPARATOR = "\n";
  private final KeyValueStore<String, Violation> store;

  HeldAssemblies(KeyValueStore<String, Violation> store) {
    this.store = store;
  }

  /** Holds {@code unverified}; the same assembly again (a retry) keeps the first. */
  void hold(String lot, Violation unverified) {
    store.putIfAbsent(key(lot, unverified), unverified);
  }

  /**
   * A receipt of {@code lot} that happened at {@code receivedAt} clears every assembly after it.
   */
  void receive(String lot, Instant receivedAt) {
    List<String> cleared = new ArrayList<>();
    try (KeyValueIterator<String, Violation> held = ofLot(lot)) {
      held.forEachRemaining(
          kv -> {
            if (!kv.value.getOccurredAt().isBefore(receivedAt)) {
              cleared.add(kv.key);
            }
          });
    }
    cleared.forEach(store::delete);
  }

  /**
   * Removes and returns the assemblies of {@code lot} that happened no later than {@code until} and
   * are {@code due}; later ones are not read at all.
   */
  List<KeyValue<String, Violation>> releaseDue(
      String lot, Instant until, Predicate<Violation> due) {
    List<KeyValue<String, Violation>> found = new ArrayList<>();
    try (KeyValueIterator<String, Violation> held = ofLot(lot)) {
      while (held.hasNext()) {
        KeyValue<String, Violation> kv = held.next();
        if (kv.value.getOccurredAt().isAfter(until)) {
          break;
        }
        if (due.test(kv.value)) {
          found.add(kv);
        }
      }
    }
    found.forEach(kv -> store.delete(kv.key));
    return found;
  }

  /** Removes and returns the assemblies of every lot that are {@code due}. */
  List<KeyValue<String, Violation>> releaseDue(Predicate<Violation> due) {
    try (KeyValueIterator<String, Violation> held = store.all()) {
      return releaseDue(held, due);
    }
  }

  /** The lot an entry of this store is about. */
  static String lotOf(String key) {
    int id = key.lastIndexOf(SEPARATOR);
    int time = key.lastIndexOf(SEPARATOR, id - 1);
    // A key written before the time was part of it has the lot and the id only.
    return key.substring(0, time < 0 ? id : time);
  }

  private List<KeyValue<String, Violation>> releaseDue(
      KeyValueIterator<String, Violation> held, Predicate<Violation> isDue) {
    List<KeyValue<String, Violation>> due = new ArrayList<>();
    held.forEachRemaining(
        kv -> {
          if (isDue.test(kv.value)) {
            due.add(kv);
          }
        });
    due.forEach(kv -> store.delete(kv.key));
    return due;
  }

  private KeyValueIterator<String, Violation> ofLot(String lot) {
    return store.prefixScan(lot + SEPARATOR, new StringSerializer());
  }

  private static String key(String lot, Violation unverified) {
    // Events before 1970 are refused at the door (#21), so the milliseconds are never negative.
    long millis = Math.max(0, unverified.getOccurredAt().toEpochMilli());
    return ZeroPadded.appendTo(new StringBuilder(lot).append(SEPARATOR), millis, 19)
        .append(SEPARATOR)
        .append(unverified.getViolationId())
        .toString();
  }
}
