package io.sealtrail.translog.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The tree its one writer appends to: each append stores every complete subtree the new leaf
 * closes, in one atomic {@link NodeStore#append}. Not thread-safe: a log has one sequencer.
 */
public final class AppendableMerkleTree extends MerkleTree {
  private final NodeStore store;

  public AppendableMerkleTree(NodeStore store) {
    super(store);
    this.store = store;
  }

  /** Appends a leaf's data (hashed as a leaf) and returns its index. */
  public long append(byte[] leafData) {
    return appendLeafHash(MerkleHashing.leafHash(leafData));
  }

  /** Appends an already computed leaf hash and returns its index. */
  public long appendLeafHash(Hash leafHash) {
    long index = store.size();
    List<NodeStore.StoredNode> closed = new ArrayList<>();
    closed.add(new NodeStore.StoredNode(0, index, leafHash));
    Hash hash = leafHash;
    long nodeIndex = index;
    for (int level = 0; (nodeIndex & 1) == 1; level++) {
      hash = MerkleHashing.nodeHash(store.node(level, nodeIndex - 1), hash);
      nodeIndex >>>= 1;
      closed.add(new NodeStore.StoredNode(level + 1, nodeIndex, hash));
    }
    store.append(closed, index + 1);
    return index;
  }
}
