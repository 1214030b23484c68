package io.sealtrail.registry.client;

import java.util.function.Function;

/**
 * A bounded cache keyed by object identity, for values derived from a schema instance that
 * serializers pass on every record ({@code toString()}, a rewritten schema). Not by equality:
 * Avro's {@code Schema#equals} ignores {@code doc}, so equal schemas may still render differently.
 */
public final class IdentityCache<K, V> {
  private record Identity<K>(K key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity<?> that && that.key == key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }
  }

  private final BoundedCache<Identity<K>, V> entries;

  public IdentityCache(int capacity) {
    this.entries = new BoundedCache<>(capacity);
  }

  public V get(K key, Function<K, V> derive) {
    return entries.get(new Identity<>(key), () -> derive.apply(key));
  }
}
