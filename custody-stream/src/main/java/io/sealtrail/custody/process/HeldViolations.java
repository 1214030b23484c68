package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.detect.Awaiting;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Violations held back for the grace because a late event could still clear them, kept in a
 * persistent store keyed by serial and violation id so that one serial's are found by prefix.
 */
final class HeldViolations {
  private static final String SEPARATOR = "\n";
  private final KeyValueStore<String, Violation> store;

  HeldViolations(KeyValueStore<String, Violation> store) {
    this.store = store;
  }

  void hold(Violation violation) {
    store.put(violation.getSerial() + SEPARATOR + violation.getViolationId(), violation);
  }

  /** Drops the held violations of the event's serial that {@code event} clears. */
  void clearMetBy(Observation event, Holding holding) {
    List<String> cleared = new ArrayList<>();
    try (KeyValueIterator<String, Violation> held =
        store.prefixScan(event.serial() + SEPARATOR, new StringSerializer())) {
      held.forEachRemaining(
          kv -> {
            if (holding.mayClear(kv.value, event.occurredAt())
                && Awaiting.from(kv.value.getAttributes()).metBy(event)) {
              cleared.add(kv.key);
            }
          });
    }
    cleared.forEach(store::delete);
  }

  /**
   * Removes the violations {@code holding} says are due by {@code clock} and the other partitions'
   * progress and returns those that what arrived elsewhere meanwhile, e.g. a release on another
   * partition, does not clear, as they settle (a flash's withdrawal names itself as evidence).
   */
  List<Violation> releaseDue(
      Holding holding, DecisionClock clock, Watermarks progress, ReleaseView releases) {
    List<KeyValue<String, Violation>> due = new ArrayList<>();
    try (KeyValueIterator<String, Violation> held = store.all()) {
      held.forEachRemaining(
          kv -> {
            if (holding.due(kv.value, clock, progress)) {
              due.add(kv);
            }
          });
    }
    due.forEach(kv -> store.delete(kv.key));
    return due.stream()
        .map(kv -> kv.value)
        .flatMap(v -> Awaiting.from(v.getAttributes()).settle(v, releases).stream())
        .toList();
  }
}
