package io.sealtrail.custody.query;

/** The serial, lot or product asked for has never been seen: answered 404. */
public final class KeyNotFoundException extends RuntimeException {
  public KeyNotFoundException(String what, String key) {
    super("no " + what + " " + key);
  }
}
