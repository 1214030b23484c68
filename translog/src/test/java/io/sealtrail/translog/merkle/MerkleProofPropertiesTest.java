package io.sealtrail.translog.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every proof of every index (or old size) of every tree size up to {@value #MAX} verifies, equals
 * the recursive definition over the leaves, and fails once any byte of it changes.
 */
class MerkleProofPropertiesTest {
  private static final int MAX = 64;
  private static final MerkleTree TREE = Trees.sealtrail(MAX);
  private static final List<Hash> LEAVES = Trees.leafHashes(TREE, MAX);

  @Example
  void shouldMatchTheRecursiveDefinitionAndVerifyEveryInclusionProof() {
    for (int n = 1; n <= MAX; n++) {
      Hash root = TREE.rootHash(n);
      assertThat(root).isEqualTo(Trees.naiveRoot(LEAVES.subList(0, n)));
      for (int m = 0; m < n; m++) {
        InclusionProof proof = TREE.inclusionProof(m, n);
        assertThat(proof.hashes()).isEqualTo(Trees.naivePath(m, LEAVES.subList(0, n)));
        proof.verify(root);
      }
    }
  }

  @Example
  void shouldVerifyEveryConsistencyProofAndRejectItsTruncationsAndExtensions() {
    for (int n = 0; n <= MAX; n++) {
      for (int m = 0; m <= n; m++) {
        ConsistencyProof proof = TREE.consistencyProof(m, n);
        Hash oldRoot = TREE.rootHash(m);
        Hash newRoot = TREE.rootHash(n);
        proof.verify(oldRoot, newRoot);
        List<Hash> longer = new ArrayList<>(proof.hashes());
        longer.add(newRoot);
        assertThat(new ConsistencyProof(m, n, longer).verifies(oldRoot, newRoot)).isFalse();
        if (!proof.hashes().isEmpty()) {
          List<Hash> shorter = proof.hashes().subList(0, proof.hashes().size() - 1);
          assertThat(new ConsistencyProof(m, n, shorter).verifies(oldRoot, newRoot)).isFalse();
        }
        if (m > 0 && m < n) {
          assertThat(proof.verifies(newRoot, oldRoot)).isFalse();
        }
      }
    }
  }

  @Example
  void shouldRejectEveryInclusionProofWithAnotherIndexAChangedHashOrAHashMoreOrLess() {
    for (int n = 1; n <= MAX; n++) {
      Hash root = TREE.rootHash(n);
      for (int m = 0; m < n; m++) {
        InclusionProof proof = TREE.inclusionProof(m, n);
        List<Hash> longer = new ArrayList<>(proof.hashes());
        longer.add(root);
        assertThat(new InclusionProof(m, n, proof.leafHash(), longer).verifies(root)).isFalse();
        if (!proof.hashes().isEmpty()) {
          List<Hash> shorter = proof.hashes().subList(0, proof.hashes().size() - 1);
          assertThat(new InclusionProof(m, n, proof.leafHash(), shorter).verifies(root)).isFalse();
        }
        for (int element = 0; element < proof.hashes().size(); element++) {
          List<Hash> flipped = new ArrayList<>(proof.hashes());
          flipped.set(
              element, Trees.flip(flipped.get(element), (m + n) % Hash.LENGTH, element % 8));
          assertThat(new InclusionProof(m, n, proof.leafHash(), flipped).verifies(root)).isFalse();
        }
        // Neighbours, the mirror index and the first index out of range.
        for (long other : new long[] {m - 1, m + 1, n - 1 - m, n}) {
          if (other >= 0 && other != m) {
            assertThat(
                    new InclusionProof(other, n, proof.leafHash(), proof.hashes()).verifies(root))
                .isFalse();
          }
        }
      }
    }
  }

  @Property(tries = 1000)
  void shouldRejectAnInclusionProofWithAnyChangedByte(
      @ForAll("indexInSize") long[] indexAndSize,
      @ForAll @IntRange(max = 1000) int element,
      @ForAll @IntRange(max = Hash.LENGTH - 1) int byteIndex,
      @ForAll @IntRange(max = 7) int bit) {
    long index = indexAndSize[0];
    long size = indexAndSize[1];
    InclusionProof proof = TREE.inclusionProof(index, size);
    Hash root = TREE.rootHash(size);
    // Element 0 is the leaf hash, 1..k the path, k+1 the root.
    int target = element % (proof.hashes().size() + 2);
    List<Hash> path = new ArrayList<>(proof.hashes());
    Hash leaf = proof.leafHash();
    if (target == 0) {
      leaf = Trees.flip(leaf, byteIndex, bit);
    } else if (target <= path.size()) {
      path.set(target - 1, Trees.flip(path.get(target - 1), byteIndex, bit));
    } else {
      root = Trees.flip(root, byteIndex, bit);
    }

    assertThat(new InclusionProof(index, size, leaf, path).verifies(root)).isFalse();
  }

  @Property(tries = 1000)
  void shouldRejectAConsistencyProofWithAnyChangedByte(
      @ForAll("oldAndNewSize") long[] sizes,
      @ForAll @IntRange(max = 1000) int element,
      @ForAll @IntRange(max = Hash.LENGTH - 1) int byteIndex,
      @ForAll @IntRange(max = 7) int bit) {
    ConsistencyProof proof = TREE.consistencyProof(sizes[0], sizes[1]);
    Hash oldRoot = TREE.rootHash(sizes[0]);
    Hash newRoot = TREE.rootHash(sizes[1]);
    // Element 0 is the old root, 1 the new root, 2.. the proof's hashes.
    int target = element % (proof.hashes().size() + 2);
    List<Hash> path = new ArrayList<>(proof.hashes());
    if (target == 0) {
      oldRoot = Trees.flip(oldRoot, byteIndex, bit);
    } else if (target == 1) {
      newRoot = Trees.flip(newRoot, byteIndex, bit);
    } else {
      path.set(target - 2, Trees.flip(path.get(target - 2), byteIndex, bit));
    }

    assertThat(new ConsistencyProof(sizes[0], sizes[1], path).verifies(oldRoot, newRoot)).isFalse();
  }

  @Provide
  Arbitrary<long[]> indexInSize() {
    return Arbitraries.longs()
        .between(1, MAX)
        .flatMap(n -> Arbitraries.longs().between(0, n - 1).map(m -> new long[] {m, n}));
  }

  @Provide
  Arbitrary<long[]> oldAndNewSize() {
    // From size 0 the new root is not constrained (any tree extends the empty one): m >= 1.
    return Arbitraries.longs()
        .between(1, MAX)
        .flatMap(n -> Arbitraries.longs().between(1, n).map(m -> new long[] {m, n}));
  }
}
