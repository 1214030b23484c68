package io.sealtrail.trust.event;

/**
 * A payload whose common event header cannot be read; {@link #field()} names the offending field.
 */
public final class MalformedEventException extends RuntimeException {
  private final String field;

  public MalformedEventException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
