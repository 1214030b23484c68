package io.sealtrail.trust.dsse;

import java.util.Base64;

/**
 * Base64 decoding that accepts exactly one encoding per byte string: the standard or the URL-safe
 * alphabet (DSSE requires verifiers to accept both), padded, with zero trailing bits. Anything else
 * is refused, so two different texts never carry the same signed bytes.
 */
public final class StrictBase64 {
  private StrictBase64() {}

  public static byte[] decode(String text, String field) {
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    byte[] bytes;
    try {
      bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedEnvelopeException(field, "invalid base64: " + e.getMessage());
    }
    String canonical =
        (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(bytes);
    if (!canonical.equals(text)) {
      throw new MalformedEnvelopeException(
          field,
          "non-canonical base64 (padding or trailing bits); expected " + abbreviate(canonical));
    }
    return bytes;
  }

  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String abbreviate(String text) {
    return text.length() <= 16 ? text : "..." + text.substring(text.length() - 8);
  }
}
