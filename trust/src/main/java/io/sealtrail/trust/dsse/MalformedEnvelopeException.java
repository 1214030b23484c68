package io.sealtrail.trust.dsse;

/** An envelope that cannot be decoded; {@link #field()} names the offending JSON field. */
public final class MalformedEnvelopeException extends RuntimeException {
  private final String field;

  public MalformedEnvelopeException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /**
   * The JSON path of the offending field, e.g. {@code signatures[1].sig}, or {@code $} for the
   * whole document.
   */
  public String field() {
    return field;
  }
}
