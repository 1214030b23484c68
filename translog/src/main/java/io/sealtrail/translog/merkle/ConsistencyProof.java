package io.sealtrail.translog.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The proof that the tree of size {@code from} is a prefix of the tree of size {@code to} (RFC 9162
 * §2.1.4); empty when {@code from} is 0 or equals {@code to}.
 */
public record ConsistencyProof(long from, long to, List<Hash> hashes) {
  public ConsistencyProof {
    if (hashes == null || hashes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("a consistency proof needs non-null hashes");
    }
    hashes = List.copyOf(hashes);
  }

  /**
   * Checks the proof against the roots of two verified checkpoints of sizes {@code from} and {@code
   * to}.
   *
   * @throws ProofVerificationException saying exactly why the proof does not hold
   */
  public void verify(Hash oldRoot, Hash newRoot) {
    ProofVerifier.verifyConsistency(from, to, hashes, oldRoot, newRoot);
  }

  /** Whether {@link #verify} would succeed. */
  public boolean verifies(Hash oldRoot, Hash newRoot) {
    try {
      verify(oldRoot, newRoot);
      return true;
    } catch (ProofVerificationException e) {
      return false;
    }
  }
}
