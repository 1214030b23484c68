package io.sealtrail.trust.crypto;

/** A key file or key encoding that cannot be read: not PEM, not DER, encrypted, or corrupt. */
public final class KeyFormatException extends IllegalArgumentException {
  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
