package io.sealtrail.trust.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A key's identifier in envelopes and the partner registry: lowercase hex SHA-256 of its DER
 * SubjectPublicKeyInfo.
 */
public record KeyId(String hex) {
  private static final Pattern LOWER_HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  public KeyId {
    if (hex == null || !LOWER_HEX_SHA256.matcher(hex).matches()) {
      throw new IllegalArgumentException("a keyid is 64 lowercase hex digits, got: " + hex);
    }
  }

  /** The keyid of a DER-encoded SubjectPublicKeyInfo. */
  public static KeyId ofSubjectPublicKeyInfo(byte[] spkiDer) {
    return new KeyId(HexFormat.of().formatHex(sha256(spkiDer)));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
