package io.sealtrail.translog.merkle;

/** A proof that does not hold; the reason names the check that failed. */
public final class ProofVerificationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The check that failed. */
  public enum Reason {
    /** Inclusion: the leaf index is negative or not below the tree size. */
    INDEX_OUT_OF_RANGE,
    /** Consistency: the old size is negative or larger than the new one. */
    SIZE_DECREASED,
    /** More hashes than the tree shape needs (or any hash where none is due). */
    PATH_TOO_LONG,
    /** Fewer hashes than the tree shape needs. */
    PATH_TOO_SHORT,
    /** Inclusion: the path leads to another root. */
    ROOT_MISMATCH,
    /** Consistency: the proof does not reproduce the old root. */
    OLD_ROOT_MISMATCH,
    /** Consistency: the proof does not reproduce the new root. */
    NEW_ROOT_MISMATCH
  }

  private final Reason reason;

  public ProofVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
