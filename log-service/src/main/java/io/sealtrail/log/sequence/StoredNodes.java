package io.sealtrail.log.sequence;

import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.NodeReader;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The Merkle tree's nodes as the {@value LogStores#TREE} store holds them, read only: what the HTTP
 * side answers proofs from (an active or standby copy it never writes).
 */
public final class StoredNodes implements NodeReader {
  private final ReadOnlyKeyValueStore<Bytes, byte[]> store;

  private StoredNodes(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  public static StoredNodes of(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
    return new StoredNodes(store);
  }

  @Override
  public long size() {
    byte[] size = store.get(LogStores.SIZE);
    return size == null ? 0 : LogStores.number(size);
  }

  @Override
  public Hash node(int level, long index) {
    byte[] hash = store.get(LogStores.nodeKey(level, index));
    if (hash == null) {
      throw new IllegalStateException(
          "no complete subtree (" + level + ", " + index + ") in a tree of size " + size());
    }
    return Hash.of(hash);
  }
}
