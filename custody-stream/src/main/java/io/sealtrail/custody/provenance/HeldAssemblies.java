package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
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
 * by lot and the assembly's violation id. A receipt of the lot that happened no later than an
 * assembly clears it; one still held when the grace has passed is raised, once, and forgotten.
 */
final class HeldAssemblies {
  private static final String SEPARATOR = "\n";
  private final KeyValueStore<String, Violation> store;

  HeldAssemblies(KeyValueStore<String, Violation> store) {
    this.store = store;
  }

  /** Holds {@code unverified}; the same assembly again (a retry) keeps the first. */
  void hold(String lot, Violation unverified) {
    store.putIfAbsent(key(lot, unverified.getViolationId()), unverified);
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

  /** Removes and returns the assemblies of {@code lot} that are {@code due}. */
  List<KeyValue<String, Violation>> releaseDue(String lot, Predicate<Violation> due) {
    try (KeyValueIterator<String, Violation> held = ofLot(lot)) {
      return releaseDue(held, due);
    }
  }

  /** Removes and returns the assemblies of every lot that are {@code due}. */
  List<KeyValue<String, Violation>> releaseDue(Predicate<Violation> due) {
    try (KeyValueIterator<String, Violation> held = store.all()) {
      return releaseDue(held, due);
    }
  }

  /** The lot an entry of this store is about. */
  static String lotOf(String key) {
    return key.substring(0, key.lastIndexOf(SEPARATOR));
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

  private static String key(String lot, String violationId) {
    return lot + SEPARATOR + violationId;
  }
}
