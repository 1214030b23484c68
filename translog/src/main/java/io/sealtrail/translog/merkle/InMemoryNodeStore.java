package io.sealtrail.translog.merkle;

import java.util.ArrayList;
import java.util.List;

/** A {@link NodeStore} in memory: one growing list of hashes per level. Not thread-safe. */
public final class InMemoryNodeStore implements NodeStore {
  private final List<List<Hash>> levels = new ArrayList<>();
  private long size;

  @Override
  public long size() {
    return size;
  }

  @Override
  public Hash node(int level, long index) {
    if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
      throw new IllegalStateException(
          "no complete subtree (" + level + ", " + index + ") in a tree of size " + size);
    }
    return levels.get(level).get((int) index);
  }

  @Override
  public void append(List<StoredNode> nodes, long newSize) {
    if (newSize != size + 1) {
      throw new IllegalStateException("append must grow size " + size + " by one, got " + newSize);
    }
    for (StoredNode node : nodes) {
      if (node.level() > levels.size() || expectedIndex(node.level()) != node.index()) {
        throw new IllegalStateException("node out of order: " + node);
      }
      if (node.level() == levels.size()) {
        levels.add(new ArrayList<>());
      }
    }
    for (StoredNode node : nodes) {
      levels.get(node.level()).add(node.hash());
    }
    size = newSize;
  }

  private long expectedIndex(int level) {
    return level == levels.size() ? 0 : levels.get(level).size();
  }
}
