package io.sealtrail.log.sequence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The sequencer's four persistent stores, each backed by a changelog so that a restart or another
 * instance continues the same log. Keys are bytes; numbers are 8-byte big-endian, so RocksDB keeps
 * entries and checkpoints in index and size order.
 *
 * <ul>
 *   <li>{@value #TREE}: every complete subtree hash, key (level byte, index), plus the tree size
 *       and the size of the last signed checkpoint
 *   <li>{@value #ENTRIES}: index → the leaf's canonical bytes
 *   <li>{@value #EVENTS}: (partner, event id) → index of the event's first leaf
 *   <li>{@value #CHECKPOINTS}: tree size → the signed note of that size
 * </ul>
 */
public final class LogStores {
  public static final String TREE = "log-tree-store";
  public static final String ENTRIES = "log-entries-store";
  public static final String EVENTS = "log-events-store";
  public static final String CHECKPOINTS = "log-checkpoints-store";

  /** Meta keys sort after every node key: level 0xFF never holds a node (levels are below 64). */
  static final Bytes SIZE = Bytes.wrap(new byte[] {(byte) 0xFF, 's'});

  static final Bytes LAST_SIGNED = Bytes.wrap(new byte[] {(byte) 0xFF, 'c'});

  private LogStores() {}

  static List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> builders() {
    return List.of(builder(TREE), builder(ENTRIES), builder(EVENTS), builder(CHECKPOINTS));
  }

  static List<String> names() {
    return List.of(TREE, ENTRIES, EVENTS, CHECKPOINTS);
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> builder(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
  }

  /** The key of the node (level, index) in {@value #TREE}. */
  public static Bytes nodeKey(int level, long index) {
    return Bytes.wrap(ByteBuffer.allocate(9).put((byte) level).putLong(index).array());
  }

  /** A number as a key or value: 8 bytes, big-endian. */
  public static Bytes number(long value) {
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
  }

  public static long number(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }

  /** The key of an event in {@value #EVENTS}: partner length-prefixed, so no two pairs collide. */
  public static Bytes eventKey(String partnerId, String eventId) {
    byte[] partner = partnerId.getBytes(StandardCharsets.UTF_8);
    byte[] event = eventId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(Integer.BYTES + partner.length + event.length)
            .putInt(partner.length)
            .put(partner)
            .put(event)
            .array());
  }
}
