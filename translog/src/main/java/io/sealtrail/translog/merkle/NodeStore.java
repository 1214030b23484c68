package io.sealtrail.translog.merkle;

import java.util.List;

/**
 * The append side of a tree's storage, for its one writer ({@link AppendableMerkleTree}): nodes are
 * written once and never change, so an implementation may persist them anywhere (memory, a
 * compacted Kafka topic, a file) as long as {@link #append} is atomic. Readers need only a {@link
 * NodeReader}.
 */
public interface NodeStore extends NodeReader {

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
