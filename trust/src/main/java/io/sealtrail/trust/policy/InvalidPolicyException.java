package io.sealtrail.trust.policy;

/** A policy document that cannot be applied, naming the JSON pointer of the offending field. */
public final class InvalidPolicyException extends IllegalArgumentException {
  private final String field;

  public InvalidPolicyException(String field, String message) {
    super(field.isEmpty() ? message : field + ": " + message);
    this.field = field;
  }

  /**
   * The JSON pointer of the offending field, e.g. {@code /transit/min/0/duration}; "" the whole.
   */
  public String field() {
    return field;
  }
}
