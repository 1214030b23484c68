package io.sealtrail.custody.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-serial hash chain: each link is hex SHA-256 of the previous link's bytes followed by the
 * event's payload SHA-256 bytes, starting from 32 zero bytes, so a gap or an edit changes the head.
 */
public final class ChainHash {
  /** The link before the first event. */
  public static final String GENESIS = HexFormat.of().formatHex(new byte[32]);

  private ChainHash() {}

  /** The link that follows {@code previous} for an event whose payload hashes to {@code sha}. */
  public static String next(String previous, String payloadSha256) {
    MessageDigest digest = sha256();
    digest.update(HexFormat.of().parseHex(previous));
    digest.update(HexFormat.of().parseHex(payloadSha256));
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Hex SHA-256 of {@code bytes}, as an event's payloadSha256 is of its signed payload. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
