package io.sealtrail.log.sequence;

import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.NodeStore;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The Merkle tree's nodes in the {@value LogStores#TREE} store, as the sequencer, its only writer,
 * appends to them. One leaf's nodes and the new size are written in one processing step, so they
 * are committed (store changelog, outputs, input offset) in one transaction: after a crash the
 * store holds whole leaves only. Readers use {@link StoredNodes}.
 */
final class StoredTree implements NodeStore {
  private final KeyValueStore<Bytes, byte[]> store;
  private final StoredNodes reads;

  StoredTree(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
    this.reads = StoredNodes.of(store);
  }

  @Override
  public long size() {
    return reads.size();
  }

  @Override
  public Hash node(int level, long index) {
    return reads.node(level, index);
  }

  @Override
  public void append(List<StoredNode> nodes, long newSize) {
    if (newSize != size() + 1) {
      throw new IllegalStateException("append must grow size " + size() + " by one: " + newSize);
    }
    for (StoredNode node : nodes) {
      store.put(LogStores.nodeKey(node.level(), node.index()), node.hash().bytes());
    }
    store.put(LogStores.SIZE, LogStores.number(newSize).get());
  }
}
