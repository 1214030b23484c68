package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.dedup.DedupEntry;
import io.sealtrail.ingest.dedup.DedupKey;
import io.sealtrail.ingest.dedup.DedupState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dedup state as one batch sees it: the committed state plus the events accepted earlier in the
 * same, still open transaction. The batch's entries join the committed state only if the
 * transaction commits.
 */
final class BatchDedup implements DedupView {
  /** An event already accepted under a dedup key. */
  record Known(String payloadSha256, Supplier<EventPosition> position) {}

  private final DedupState committed;
  private final Map<String, Written.Accepted> pending = new LinkedHashMap<>();

  BatchDedup(DedupState committed) {
    this.committed = committed;
  }

  @Override
  public Optional<Known> find(int partition, String partnerId, String eventId) {
    return find(partition, DedupKey.of(partnerId, eventId));
  }

  Optional<Known> find(int partition, String key) {
    Written.Accepted accepted = pending.get(partition + ":" + key);
    if (accepted != null) {
      return Optional.of(
          new Known(accepted.payloadSha256(), () -> EventPosition.of(accepted.sent())));
    }
    return committed
        .find(partition, key)
        .map(
            entry ->
                new Known(
                    entry.payloadSha256(),
                    () -> new EventPosition(entry.eventsPartition(), entry.eventsOffset())));
  }

  void add(Written.Accepted accepted) {
    pending.put(accepted.partition() + ":" + accepted.dedupKey(), accepted);
  }

  List<Written.Accepted> pending() {
    return new ArrayList<>(pending.values());
  }

  /** The transaction committed: its accepted events are now known for good. */
  void commit() {
    for (Written.Accepted accepted : pending.values()) {
      DedupEntry entry = accepted.dedupEntry();
      committed.put(accepted.partition(), accepted.dedupKey(), entry);
    }
    pending.clear();
  }

  /** The transaction aborted: its accepted events never happened. */
  void discard() {
    pending.clear();
  }
}
