package io.sealtrail.translog.note;

/** A signed note or checkpoint that cannot be trusted; the reason says which rule it broke. */
public final class NoteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The rule the note broke. */
  public enum Reason {
    /** Not a well-formed signed note, checkpoint, key or key string. */
    MALFORMED,
    /** No signature line comes from a key the verifier knows. */
    UNKNOWN_KEY,
    /** A signature line from a known key does not verify: the whole note is rejected. */
    BAD_SIGNATURE,
    /** More signature lines than the verifier accepts. */
    TOO_MANY_SIGNATURES,
    /** A verified checkpoint from another log than the one expected. */
    WRONG_ORIGIN
  }

  private final Reason reason;

  public NoteException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public NoteException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static NoteException malformed(String message) {
    return new NoteException(Reason.MALFORMED, message);
  }
}
