package io.sealtrail.translog.merkle;

/**
 * The read side of a tree's storage: the hash of every complete subtree, addressed by (level,
 * index). Level 0 holds the leaf hashes; node (l, i) covers leaves [i·2^l, (i+1)·2^l). What proofs
 * and roots are read from, e.g. by a server answering them from a copy of the log it never writes.
 */
public interface NodeReader {

  /** The number of leaves stored. */
  long size();

  /**
   * The stored hash of the complete subtree (level, index).
   *
   * @throws IllegalStateException if that subtree is not complete in this store
   */
  Hash node(int level, long index);
}
