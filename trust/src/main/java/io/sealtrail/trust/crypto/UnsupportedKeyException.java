package io.sealtrail.trust.crypto;

/**
 * A key of a type or curve that Sealtrail does not sign or verify with; the message names the
 * supported ones.
 */
public final class UnsupportedKeyException extends IllegalArgumentException {
  public UnsupportedKeyException(String message) {
    super(message);
  }
}
