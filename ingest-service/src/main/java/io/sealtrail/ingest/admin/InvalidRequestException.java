package io.sealtrail.ingest.admin;

/** An administrator's request that is well-formed JSON but not valid: 422 naming the field. */
public final class InvalidRequestException extends RuntimeException {
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** JSON pointer of the offending field, e.g. {@code /keys/0/publicKey}. */
  public String field() {
    return field;
  }
}
