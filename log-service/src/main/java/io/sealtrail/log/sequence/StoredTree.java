package io.sealtrail.log.sequence;

import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.NodeStore;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The Merkle tree's nodes in the {@value LogStores#TREE} store. One leaf's nodes and the new size
 * are written in one processing step, so they are committed (store changelog, outputs, input
 * offset) in one transaction: after a crash the store holds whole leaves only. Read-only over a
 * queried store (the HTTP side), where {@link #append} is refused.
 */
public final class StoredTree implements NodeStore {
  private final ReadOnlyKeyValueStore<Bytes, byte[]> reads;
  private final KeyValueStore<Bytes, byte[]> writes;

  private StoredTree(ReadOnlyKeyValueStore<Bytes, byte[]> reads, KeyValueStore<Bytes, byte[]> w) {
    this.reads = reads;
    this.writes = w;
  }

  /** The tree the sequencer appends to. */
  static StoredTree writable(KeyValueStore<Bytes, byte[]> store) {
    return new StoredTree(store, store);
  }

  /** The tree as a queried store holds it, for proofs. */
  public static StoredTree readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
    return new StoredTree(store, null);
  }

  @Override
  public long size() {
    byte[] size = reads.get(LogStores.SIZE);
    return size == null ? 0 : LogStores.number(size);
  }

  @Override
  public Hash node(int level, long index) {
    byte[] hash = reads.get(LogStores.nodeKey(level, index));
    if (hash == null) {
      throw new IllegalStateException(
          "no complete subtree (" + level + ", " + index + ") in a tree of size " + size());
    }
    return Hash.of(hash);
  }

  @Override
  public void append(List<StoredNode> nodes, long newSize) {
    if (writes == null) {
      throw new UnsupportedOperationException("a queried tree is read only");
    }
    if (newSize != size() + 1) {
      throw new IllegalStateException("append must grow size " + size() + " by one: " + newSize);
    }
    for (StoredNode node : nodes) {
      writes.put(LogStores.nodeKey(node.level(), node.index()), node.hash().bytes());
    }
    writes.put(LogStores.SIZE, LogStores.number(newSize).get());
  }
}
