package io.sealtrail.platform.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link KeyedReads} resolved once per store partition: who owns a key, whether this instance's
 * copy has caught up, and the local store are properties of the key's partition, not of the key.
 * Asking Kafka Streams for each of a trace's 100,000 keys (its metadata, the lag snapshot, a store
 * handle looking into every local partition) cost more than reading the keys. A partition's
 * resolution is trusted for at most {@code maxAge}, the window {@link StoreLags} already trusts a
 * caught-up partition for; a key's partition is computed here as Kafka Streams' default partitioner
 * does for a String key (murmur2 of its UTF-8 bytes), the partition count learned from the first
 * resolution.
 */
final class PartitionedReads<V> implements KeyedReads<V> {
  /** A partition as Kafka Streams resolved it for one of its keys. */
  record Resolved<V>(
      int partition,
      int partitions,
      Optional<HostInfo> owner,
      ReadOnlyKeyValueStore<String, V> local,
      long resolvedAt) {}

  private final String store;
  private final Function<String, Resolved<V>> resolve;
  private final LongSupplier nanoTime;
  private final long maxAgeNanos;
  private final Map<Integer, Resolved<V>> partitions = new ConcurrentHashMap<>();
  private volatile int count;

  /**
   * @param resolve resolves the partition of a key (throws {@link StoreUnavailableException} as
   *     {@link StoreAccess#remoteOwner} does); its {@code resolvedAt} on {@code nanoTime}'s clock
   */
  PartitionedReads(
      String store, Function<String, Resolved<V>> resolve, LongSupplier nanoTime, Duration maxAge) {
    this.store = store;
    this.resolve = resolve;
    this.nanoTime = nanoTime;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /**
   * The partition of {@code key} among {@code partitions}, as Kafka Streams places a String key.
   */
  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  @Override
  public Optional<HostInfo> remoteOwner(String key) {
    return resolved(key, maxAgeNanos).owner();
  }

  @Override
  public V get(String key) {
    // The resolution remoteOwner just answered from, however old it has become since.
    Resolved<V> partition = resolved(key, Long.MAX_VALUE);
    if (partition.local() == null) {
      throw new StoreUnavailableException(key + " of " + store + " is owned by another instance");
    }
    return StoreReader.readLocally(store, () -> partition.local().get(key));
  }

  private Resolved<V> resolved(String key, long trustedNanos) {
    int known = count;
    if (known > 0) {
      Resolved<V> cached = partitions.get(partitionOf(key, known));
      if (cached != null && nanoTime.getAsLong() - cached.resolvedAt() < trustedNanos) {
        return cached;
      }
    }
    Resolved<V> fresh = resolve.apply(key);
    if (fresh.partitions() > 0 && partitionOf(key, fresh.partitions()) == fresh.partition()) {
      if (fresh.partitions() != known) {
        partitions.clear();
        count = fresh.partitions();
      }
      partitions.put(fresh.partition(), fresh);
    }
    return fresh;
  }
}
