package io.sealtrail.registry.core;

/**
 * The one error type of the registry: an HTTP status plus Confluent's {@code error_code} and
 * message, thrown by the in-memory core, the REST client and answered by the server.
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Status used when no HTTP response was received at all (every URL unreachable). */
  public static final int NO_RESPONSE = 0;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    this(status, errorCode, message, null);
  }

  public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int status() {
    return status;
  }

  /** Confluent's error code, e.g. 40403; equal to the status for plain 3-digit codes. */
  public int errorCode() {
    return errorCode;
  }

  @Override
  public String toString() {
    return "SchemaRegistryException{status="
        + status
        + ", error_code="
        + errorCode
        + ", message="
        + getMessage()
        + "}";
  }
}
