package io.sealtrail.log.audit;

import io.sealtrail.avro.audit.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The chain as the chainer keeps it, in one persistent store with a changelog ({@value #NAME}), so
 * that a restart or another instance continues from the same head: index (8 bytes big-endian, so
 * RocksDB keeps index order) → the record (Avro single-object encoding), and {@link #HEAD} → the
 * index of the last record. Both are written in the step that chains a record, so they are
 * committed with its output and its input offset in one transaction.
 */
public final class AuditStore {
  public static final String NAME = "audit-chain-store";

  /** Sorts after every index key (an index is below 2^63, so its first byte below 0x80). */
  static final Bytes HEAD = Bytes.wrap(new byte[] {(byte) 0xFF, 'h'});

  private AuditStore() {}

  static StoreBuilder<KeyValueStore<Bytes, byte[]>> builder() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(NAME), Serdes.Bytes(), Serdes.ByteArray());
  }

  /** The last record chained, if any. */
  static Optional<AuditRecord> head(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
    byte[] index = store.get(HEAD);
    return index == null ? Optional.empty() : Optional.of(record(store.get(Bytes.wrap(index))));
  }

  /** Stores {@code record} as the new head. */
  static void append(KeyValueStore<Bytes, byte[]> store, AuditRecord record) {
    Bytes key = key(record.getIndex());
    try {
      ByteBuffer encoded = record.toByteBuffer();
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      store.put(key, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.put(HEAD, key.get());
  }

  /** The key of record {@code index}: 8 bytes, big-endian. */
  static Bytes key(long index) {
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
  }

  static AuditRecord record(byte[] bytes) {
    try {
      return AuditRecord.fromByteBuffer(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable record in " + NAME, e);
    }
  }
}
