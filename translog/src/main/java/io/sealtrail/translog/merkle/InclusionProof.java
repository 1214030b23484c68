package io.sealtrail.translog.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The audit path proving that the leaf with {@code leafHash} is at {@code leafIndex} in the tree of
 * size {@code treeSize}; {@code hashes} are the siblings bottom-up (RFC 9162 §2.1.3).
 */
public record InclusionProof(long leafIndex, long treeSize, Hash leafHash, List<Hash> hashes) {
  public InclusionProof {
    if (leafHash == null || hashes == null || hashes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "an inclusion proof needs a leaf hash and non-null hashes");
    }
    hashes = List.copyOf(hashes);
  }

  /**
   * Checks the proof against a root taken from a verified checkpoint of size {@code treeSize}.
   *
   * @throws ProofVerificationException saying exactly why the proof does not hold
   */
  public void verify(Hash root) {
    ProofVerifier.verifyInclusion(leafIndex, treeSize, leafHash, hashes, root);
  }

  /** Whether {@link #verify} would succeed. */
  public boolean verifies(Hash root) {
    try {
      verify(root);
      return true;
    } catch (ProofVerificationException e) {
      return false;
    }
  }
}
