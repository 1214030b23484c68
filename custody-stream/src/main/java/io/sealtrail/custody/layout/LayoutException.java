package io.sealtrail.custody.layout;

/** A layout document that is not valid: what is wrong, at which JSON pointer. */
public final class LayoutException extends RuntimeException {
  private final String pointer;

  public LayoutException(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  /** The JSON pointer of the offending value ({@code ""} for the whole document). */
  public String pointer() {
    return pointer;
  }
}
