package io.sealtrail.translog.json;

/** JSON that is not a well-formed proof or entry document; the message names the field. */
public final class MalformedProofJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedProofJsonException(String message) {
    super(message);
  }
}
