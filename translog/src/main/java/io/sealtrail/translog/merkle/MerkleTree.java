package io.sealtrail.translog.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 Merkle tree as stored nodes show it: roots and proofs for any size up to the current
 * one are assembled from stored complete subtrees (at most about 2·log2(n) reads per proof), never
 * by rehashing leaves. Read-only: only the log's one writer appends, through {@link
 * AppendableMerkleTree}.
 */
public class MerkleTree {
  private final NodeReader store;

  public MerkleTree(NodeReader store) {
    this.store = store;
  }

  public long size() {
    return store.size();
  }

  /** The stored hash of leaf {@code index}. */
  public Hash leafHash(long index) {
    requireIndex(index, size());
    return store.node(0, index);
  }

  /** The tree head {@code MTH(D[0:treeSize])} of an earlier or the current size. */
  public Hash rootHash(long treeSize) {
    requireSize(treeSize);
    return treeSize == 0 ? MerkleHashing.emptyRoot() : subtreeHash(0, treeSize);
  }

  /** The audit path of leaf {@code index} in the tree of size {@code treeSize}, bottom-up. */
  public InclusionProof inclusionProof(long index, long treeSize) {
    requireSize(treeSize);
    requireIndex(index, treeSize);
    List<Hash> path = new ArrayList<>();
    ProofPaths.inclusion(index, 0, treeSize, this::subtreeHash, path);
    return new InclusionProof(index, treeSize, leafHash(index), path);
  }

  /** The proof that the tree of size {@code from} is a prefix of the tree of size {@code to}. */
  public ConsistencyProof consistencyProof(long from, long to) {
    requireSize(to);
    if (from < 0 || from > to) {
      throw new ProofRequestException(
          ProofRequestException.Reason.FROM_AFTER_TO,
          "consistency needs 0 <= from <= to, got from " + from + " to " + to);
    }
    List<Hash> path = new ArrayList<>();
    if (from > 0 && from < to) {
      ProofPaths.consistency(from, 0, to, true, this::subtreeHash, path);
    }
    return new ConsistencyProof(from, to, path);
  }

  /**
   * {@code MTH(D[start:end])}: an aligned power-of-two range is one stored node; otherwise the left
   * part is the largest complete subtree and only the right edge recurses.
   */
  private Hash subtreeHash(long start, long end) {
    long width = end - start;
    if (Long.bitCount(width) == 1 && start % width == 0) {
      int level = Long.numberOfTrailingZeros(width);
      return store.node(level, start >>> level);
    }
    long split = ProofPaths.largestPowerOfTwoBelow(width);
    return MerkleHashing.nodeHash(
        subtreeHash(start, start + split), subtreeHash(start + split, end));
  }

  private void requireSize(long treeSize) {
    if (treeSize < 0 || treeSize > size()) {
      throw new ProofRequestException(
          ProofRequestException.Reason.SIZE_BEYOND_TREE,
          "tree size " + treeSize + " is not between 0 and the log's size " + size());
    }
  }

  private static void requireIndex(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new ProofRequestException(
          ProofRequestException.Reason.INDEX_OUT_OF_RANGE,
          "leaf index " + index + " is not in a tree of size " + treeSize);
    }
  }
}
