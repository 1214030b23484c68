package io.sealtrail.translog.merkle;

import java.util.List;

/**
 * Where a {@link MerkleTree} keeps the hash of every complete subtree, addressed by (level, index):
 * level 0 holds the leaf hashes, node (l, i) covers leaves [i·2^l, (i+1)·2^l). Nodes are written
 * once and never change, so an implementation may persist them anywhere (memory, a compacted Kafka
 * topic, a file) as long as {@link #append} is atomic.
 */
public interface NodeStore {

  /** The number of leaves stored. */
  long size();

  /**
   * The stored hash of the complete subtree (level, index).
   *
   * @throws IllegalStateException if that subtree is not complete in this store
   */
  Hash node(int level, long index);

  /**
   * Stores the nodes a new leaf completes (its leaf hash first, then each parent it closes) and
   * advances the size to {@code newSize}, all or nothing.
   *
   * @throws IllegalStateException if {@code newSize} is not {@code size() + 1}
   */
  void append(List<StoredNode> nodes, long newSize);

  /** A node hash and its coordinates. */
  record StoredNode(int level, long index, Hash hash) {
    public StoredNode {
      if (level < 0 || level > 63 || index < 0 || hash == null) {
        throw new IllegalArgumentException("bad node (" + level + ", " + index + ", " + hash + ")");
      }
    }
  }
}
