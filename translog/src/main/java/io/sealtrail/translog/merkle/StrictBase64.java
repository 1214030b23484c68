package io.sealtrail.translog.merkle;

import java.util.Base64;

/**
 * Standard base64 with padding (RFC 4648 §4), decoded strictly: the JDK decoder already rejects
 * other alphabets and whitespace, and re-encoding catches non-canonical trailing bits, so every
 * value has exactly one accepted spelling.
 */
public final class StrictBase64 {
  private StrictBase64() {}

  public static byte[] decode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("base64 value is missing");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not standard base64: " + e.getMessage(), e);
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw new IllegalArgumentException("not canonical padded standard base64: " + text);
    }
    return decoded;
  }
}
