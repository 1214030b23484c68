package io.sealtrail.custody.query;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.custody.hold.HoldBook;
import io.sealtrail.custody.hold.HoldStore;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The holds store copied into memory when a trace starts, read through the same {@link HoldBook}: a
 * trace asks which holds cover each of its (up to 100,000s of) devices, and holds are placed by
 * people, so they are few; a RocksDB scan per device and kind would dominate the trace.
 */
final class HoldSnapshot implements ReadOnlyKeyValueStore<String, Hold> {
  private final NavigableMap<String, Hold> holds = new TreeMap<>();

  private HoldSnapshot(ReadOnlyKeyValueStore<String, Hold> store) {
    try (KeyValueIterator<String, Hold> all = store.all()) {
      all.forEachRemaining(kv -> holds.put(kv.key, kv.value));
    }
  }

  /** A book over a copy of {@code store} ({@link HoldStore#NAME}). */
  static HoldBook of(ReadOnlyKeyValueStore<String, Hold> store) {
    return new HoldBook(new HoldSnapshot(store));
  }

  @Override
  public Hold get(String key) {
    return holds.get(key);
  }

  @Override
  public KeyValueIterator<String, Hold> range(String from, String to) {
    return iterate(holds.subMap(from, true, to, true));
  }

  @Override
  public KeyValueIterator<String, Hold> all() {
    return iterate(holds);
  }

  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<String, Hold> prefixScan(
      P prefix, PS prefixKeySerializer) {
    String from = prefix.toString();
    return iterate(holds.tailMap(from, true).headMap(from + Character.MAX_VALUE, false));
  }

  @Override
  public long approximateNumEntries() {
    return holds.size();
  }

  private static KeyValueIterator<String, Hold> iterate(NavigableMap<String, Hold> entries) {
    Iterator<Map.Entry<String, Hold>> it = entries.entrySet().iterator();
    return new KeyValueIterator<>() {
      private Map.Entry<String, Hold> ahead = it.hasNext() ? it.next() : null;

      @Override
      public boolean hasNext() {
        return ahead != null;
      }

      @Override
      public KeyValue<String, Hold> next() {
        if (ahead == null) {
          throw new NoSuchElementException();
        }
        KeyValue<String, Hold> next = KeyValue.pair(ahead.getKey(), ahead.getValue());
        ahead = it.hasNext() ? it.next() : null;
        return next;
      }

      @Override
      public void close() {}

      @Override
      public String peekNextKey() {
        if (ahead == null) {
          throw new NoSuchElementException();
        }
        return ahead.getKey();
      }
    };
  }
}
