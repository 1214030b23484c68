package io.sealtrail.translog.merkle;

import io.sealtrail.translog.merkle.ProofVerificationException.Reason;
import java.util.List;

/**
 * The verification algorithms of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency). Two
 * cursors walk the levels: {@code fn}, our node's index, and {@code sn}, the last node's index; a
 * proof holds only if {@code sn} reaches exactly 0, so trailing or missing hashes fail. A proof
 * does not authenticate the tree size: take size and root from a verified checkpoint.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  public static void verifyInclusion(
      long index, long size, Hash leafHash, List<Hash> path, Hash root) {
    if (index < 0 || size <= 0 || index >= size) {
      throw failure(
          Reason.INDEX_OUT_OF_RANGE, "leaf index " + index + " is not below size " + size);
    }
    Hash r = climb(index, size - 1, leafHash, path, "leaf " + index + " of " + size).whole();
    if (!r.matches(root)) {
      throw failure(Reason.ROOT_MISMATCH, "path of leaf " + index + " does not lead to the root");
    }
  }

  public static void verifyConsistency(
      long from, long to, List<Hash> path, Hash oldRoot, Hash newRoot) {
    if (from < 0 || from > to) {
      throw failure(Reason.SIZE_DECREASED, "old size " + from + " is not in 0.." + to);
    }
    if (from == to || from == 0) {
      verifyTrivialConsistency(from, to, path, oldRoot, newRoot);
      return;
    }
    if (path.isEmpty()) {
      throw failure(Reason.PATH_TOO_SHORT, "empty proof from " + from + " to " + to);
    }
    boolean oldTreeComplete = (from & (from - 1)) == 0;
    Hash seed = oldTreeComplete ? oldRoot : path.get(0);
    List<Hash> rest = oldTreeComplete ? path : path.subList(1, path.size());
    long fn = from - 1;
    long sn = to - 1;
    // Skip the levels where the old tree's right edge is a right child: its hash is in the proof.
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Climb climb = climb(fn, sn, seed, rest, "from " + from + " to " + to);
    Hash fr = climb.left();
    Hash sr = climb.whole();
    if (!fr.matches(oldRoot)) {
      throw failure(Reason.OLD_ROOT_MISMATCH, "proof does not reproduce the root of size " + from);
    }
    if (!sr.matches(newRoot)) {
      throw failure(Reason.NEW_ROOT_MISMATCH, "proof does not reproduce the root of size " + to);
    }
  }

  /**
   * The shared loop: {@code whole} grows on both sides (the full tree), {@code left} only from
   * hashes on its left (the old tree in a consistency proof). {@code sn} must reach exactly 0.
   */
  private static Climb climb(long fn, long sn, Hash seed, List<Hash> path, String what) {
    Hash left = seed;
    Hash whole = seed;
    for (Hash c : path) {
      if (sn == 0) {
        throw failure(
            Reason.PATH_TOO_LONG, "proof has more hashes than the tree needs (" + what + ")");
      }
      if ((fn & 1) == 1 || fn == sn) {
        left = MerkleHashing.nodeHash(c, left);
        whole = MerkleHashing.nodeHash(c, whole);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        whole = MerkleHashing.nodeHash(whole, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw failure(
          Reason.PATH_TOO_SHORT, "proof has fewer hashes than the tree needs (" + what + ")");
    }
    return new Climb(left, whole);
  }

  private record Climb(Hash left, Hash whole) {}

  private static void verifyTrivialConsistency(
      long from, long to, List<Hash> path, Hash oldRoot, Hash newRoot) {
    if (!path.isEmpty()) {
      throw failure(
          Reason.PATH_TOO_LONG,
          "a proof from " + from + " to " + to + " is empty, got " + path.size() + " hashes");
    }
    if (from == 0 && !MerkleHashing.emptyRoot().matches(oldRoot)) {
      throw failure(Reason.OLD_ROOT_MISMATCH, "the root of size 0 is SHA-256 of nothing");
    }
    if (from == to && !oldRoot.matches(newRoot)) {
      throw failure(Reason.NEW_ROOT_MISMATCH, "two roots of size " + to + " differ");
    }
  }

  private static ProofVerificationException failure(Reason reason, String message) {
    return new ProofVerificationException(reason, message);
  }
}
