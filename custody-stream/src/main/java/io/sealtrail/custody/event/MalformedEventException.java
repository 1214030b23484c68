package io.sealtrail.custody.event;

/**
 * A custody event that cannot be judged: its detail is not the one its type carries. It is a poison
 * pill for the dead-letter topic, never a transient error.
 */
public final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedEventException(String message) {
    super(message);
  }
}
