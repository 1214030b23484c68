package io.sealtrail.registry.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A least-recently-used cache of a fixed capacity keyed by value equality, so that re-parsed
 * schemas hit the same entry (pitfall P1) and a full cache evicts instead of failing.
 */
public final class BoundedCache<K, V> {
  private final Map<K, V> entries;

  public BoundedCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The cached value, or the loaded one. Loading happens outside the lock: a concurrent duplicate
   * load is harmless (registry reads and registers are idempotent), a lock held over HTTP is not.
   */
  public V get(K key, Supplier<V> loader) {
    Optional<V> cached = peek(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    V loaded = loader.get();
    synchronized (entries) {
      entries.put(key, loaded);
    }
    return loaded;
  }

  public Optional<V> peek(K key) {
    synchronized (entries) {
      return Optional.ofNullable(entries.get(key));
    }
  }

  public void remove(K key) {
    synchronized (entries) {
      entries.remove(key);
    }
  }
}
