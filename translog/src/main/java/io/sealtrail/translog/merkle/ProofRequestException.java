package io.sealtrail.translog.merkle;

/** A proof or root was asked for a size or index the log cannot answer; the reason says which. */
public final class ProofRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the request. */
  public enum Reason {
    /** The tree size is negative or larger than the log (not yet appended). */
    SIZE_BEYOND_TREE,
    /** The leaf index is negative or not below the tree size. */
    INDEX_OUT_OF_RANGE,
    /** A consistency proof from a size larger than its target, or from a negative size. */
    FROM_AFTER_TO
  }

  private final Reason reason;

  public ProofRequestException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
