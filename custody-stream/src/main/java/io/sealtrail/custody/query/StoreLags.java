package io.sealtrail.custody.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;

/**
 * Whether this instance's copy of a store partition has caught up with its changelog, from a
 * snapshot of {@code KafkaStreams.allLocalStorePartitionLags()} (an admin round trip to the broker)
 * shared by the reads of up to {@link #MAX_AGE}: a lot trace reads thousands of keys of a few
 * partitions, and one round trip per key took a 100,000-device trace past a minute.
 */
final class StoreLags {
  /**
   * How long a caught-up partition is trusted without asking again: a running active task reports
   * no lag, so the snapshot spares repeated questions. The cost is a window of at most this long in
   * which a partition that was caught up here when the snapshot was taken is still trusted; a
   * restore begun since is refused by {@link RestoringStores} on every read, and a lagging or
   * unknown partition is always asked about afresh before it is answered 503.
   */
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final Supplier<Map<String, Map<Integer, Long>>> lags;
  private final LongSupplier nanoTime;
  private volatile Snapshot snapshot;

  /** {@code lags} asks the broker: store → partition → offsets behind the changelog. */
  StoreLags(Supplier<Map<String, Map<Integer, Long>>> lags, LongSupplier nanoTime) {
    this.lags = lags;
    this.nanoTime = nanoTime;
  }

  /** The lags of {@code streams}' local store partitions, on the system clock. */
  static StoreLags of(KafkaStreams streams) {
    return new StoreLags(() -> offsetLags(streams.allLocalStorePartitionLags()), System::nanoTime);
  }

  /**
   * @throws StoreUnavailableException while {@code partition} of {@code store} lags its changelog
   *     or is not (yet) an active or standby copy here
   */
  void requireCaughtUp(String store, int partition) {
    Snapshot seen = snapshot;
    if (seen != null && isFresh(seen) && seen.caughtUp(store, partition)) {
      return;
    }
    if (!refreshAfter(seen).caughtUp(store, partition)) {
      throw new StoreUnavailableException(store + " partition " + partition + " is catching up");
    }
  }

  private boolean isFresh(Snapshot s) {
    return nanoTime.getAsLong() - s.takenAt() < MAX_AGE.toNanos();
  }

  // One round trip for the reads that find the snapshot stale at once; a snapshot taken while a
  // caller waited is newer than its question, so it answers it.
  private synchronized Snapshot refreshAfter(Snapshot seen) {
    if (snapshot != seen) {
      return snapshot;
    }
    snapshot = new Snapshot(lags.get(), nanoTime.getAsLong());
    return snapshot;
  }

  private static Map<String, Map<Integer, Long>> offsetLags(
      Map<String, Map<Integer, LagInfo>> lags) {
    Map<String, Map<Integer, Long>> offsets = new HashMap<>();
    lags.forEach(
        (store, partitions) -> {
          Map<Integer, Long> behind = new HashMap<>();
          partitions.forEach((partition, lag) -> behind.put(partition, lag.offsetLag()));
          offsets.put(store, behind);
        });
    return offsets;
  }

  private record Snapshot(Map<String, Map<Integer, Long>> lags, long takenAt) {
    boolean caughtUp(String store, int partition) {
      Long behind = lags.getOrDefault(store, Map.of()).get(partition);
      return behind != null && behind == 0;
    }
  }
}
