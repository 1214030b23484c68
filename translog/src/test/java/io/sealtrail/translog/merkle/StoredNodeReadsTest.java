package io.sealtrail.translog.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roots and proofs come from stored subtrees: a handful of node reads, never a rehash of leaves.
 */
class StoredNodeReadsTest {
  private static final int SIZE = 1000;

  /** ceil(log2(1000)) = 10: at most one read per path hash plus one right edge of ≤ 10 nodes. */
  private static final int MAX_READS = 2 * 10 + 2;

  private final CountingStore store = new CountingStore();
  private final AppendableMerkleTree tree = new AppendableMerkleTree(store);

  @Test
  void shouldAnswerEveryRootAndProofOfALargeTreeFromAFewStoredNodes() {
    for (int i = 0; i < SIZE; i++) {
      tree.append(Trees.leafData(i));
    }
    int most = 0;
    for (long size = 1; size <= SIZE; size += 37) {
      most = Math.max(most, reads(() -> tree.rootHash(SIZE)));
      for (long index = 0; index < size; index += 7) {
        long i = index;
        long n = size;
        most = Math.max(most, reads(() -> tree.inclusionProof(i, n)));
        most = Math.max(most, reads(() -> tree.consistencyProof(i + 1, n)));
      }
    }

    assertThat(most).isLessThanOrEqualTo(MAX_READS);
  }

  @Test
  void shouldStoreEachCompleteSubtreeOnceWhenItCloses() {
    for (int i = 0; i < 8; i++) {
      tree.append(Trees.leafData(i));
    }

    assertThat(store.node(3, 0)).isEqualTo(tree.rootHash(8));
    assertThat(store.node(2, 1)).isEqualTo(Trees.sealtrail(8).inclusionProof(0, 8).hashes().get(2));
  }

  private int reads(Runnable call) {
    store.reads = 0;
    call.run();
    return store.reads;
  }

  /** Counts node reads of an in-memory store. */
  private static final class CountingStore implements NodeStore {
    private final InMemoryNodeStore delegate = new InMemoryNodeStore();
    int reads;

    @Override
    public long size() {
      return delegate.size();
    }

    @Override
    public Hash node(int level, long index) {
      reads++;
      return delegate.node(level, index);
    }

    @Override
    public void append(List<StoredNode> nodes, long newSize) {
      delegate.append(nodes, newSize);
    }
  }
}
