package io.sealtrail.platform.query;

import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads of many keys of one store by one answer (a lot trace reads the state of 100,000 devices):
 * where each key lives and, for a key that lives here, its value. The answers are those of {@link
 * StoreAccess#remoteOwner} and {@link StoreAccess#local}; an implementation may resolve them once
 * per store partition instead of once per key. Used by one answer at a time, not shared.
 *
 * @param <V> the store's values
 */
public interface KeyedReads<V> {
  /**
   * The other instance owning {@code key}, or empty when this one owns it.
   *
   * @throws StoreUnavailableException as {@link StoreAccess#remoteOwner} does
   */
  Optional<HostInfo> remoteOwner(String key);

  /**
   * The value of {@code key} in this instance's copy, or null; only for a key {@link #remoteOwner}
   * just answered empty for.
   *
   * @throws StoreUnavailableException while the store is migrating or restoring
   */
  V get(String key);

  /** Per key, exactly as {@code access} answers one read. */
  static <V> KeyedReads<V> perKey(StoreAccess access, String store) {
    return new KeyedReads<>() {
      @Override
      public Optional<HostInfo> remoteOwner(String key) {
        return access.remoteOwner(store, key);
      }

      @Override
      public V get(String key) {
        return StoreReader.readLocally(store, () -> access.<V>local(store).get(key));
      }
    };
  }
}
