package io.sealtrail.translog.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 32-byte SHA-256 value: a leaf hash, an interior node or a tree head. Immutable; compares by
 * content, and {@link #matches} compares in constant time for checking roots.
 */
public final class Hash {
  /** Every hash of the log is a SHA-256 digest. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}, which must be exactly 32 bytes long. */
  public static Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a hash is " + LENGTH + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Hash(bytes.clone());
  }

  /** Parses 64 lowercase or uppercase hex digits. */
  public static Hash fromHex(String hex) {
    if (hex == null || hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a hash is 64 hex digits, got " + hex);
    }
    return new Hash(HexFormat.of().parseHex(hex));
  }

  /**
   * Parses standard base64 with padding (RFC 4648 §4) of exactly 32 bytes; anything else, URL-safe
   * alphabet, missing padding or whitespace included, is rejected.
   */
  public static Hash fromBase64(String base64) {
    byte[] decoded = StrictBase64.decode(base64);
    if (decoded.length != LENGTH) {
      throw new IllegalArgumentException(
          "a hash is " + LENGTH + " bytes, the base64 holds " + decoded.length);
    }
    return new Hash(decoded);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Constant-time comparison, for checking a computed root against a trusted one. */
  public boolean matches(Hash other) {
    return other != null && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash && Arrays.equals(bytes, ((Hash) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
