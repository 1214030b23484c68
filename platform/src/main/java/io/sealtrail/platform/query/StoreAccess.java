package io.sealtrail.platform.query;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where a key of a store lives and the local copy of a store: the two questions an interactive
 * query asks of Kafka Streams.
 */
public interface StoreAccess {
  /**
   * The other instance owning {@code key} of {@code store}, or empty when this one owns it.
   *
   * @throws StoreUnavailableException while the owner is not known (starting, rebalancing)
   */
  Optional<HostInfo> remoteOwner(String store, String key);

  /**
   * This instance's active copy of {@code store}.
   *
   * @throws StoreUnavailableException while the store is migrating or restoring
   */
  <V> ReadOnlyKeyValueStore<String, V> local(String store);

  /**
   * The other instances holding {@code store}, for a read that needs every key (a listing): each
   * answers its own part. Empty when this instance is alone.
   *
   * @throws StoreUnavailableException while the instances are not known (starting, rebalancing)
   */
  Set<HostInfo> otherHosts(String store);

  /**
   * Reads of many keys of {@code store} for one answer (a trace). By default each key is asked
   * about as {@link #remoteOwner} and {@link #local} answer a single read.
   */
  default <V> KeyedReads<V> keyedReads(String store) {
    return KeyedReads.perKey(this, store);
  }
}
