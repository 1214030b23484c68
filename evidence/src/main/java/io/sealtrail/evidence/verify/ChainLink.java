package io.sealtrail.evidence.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A serial's hash chain as custody-stream computes it: from {@link #GENESIS}, each link is {@code
 * hex(SHA-256(previous link bytes || SHA-256(payload)))}.
 */
public final class ChainLink {
  /** The link before a serial's first event: 32 zero bytes. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private ChainLink() {}

  /** The link after an event whose payload hashes to {@code payloadSha256} (hex). */
  public static String next(String previous, String payloadSha256) {
    byte[] prev = HEX.parseHex(previous);
    byte[] sha = HEX.parseHex(payloadSha256);
    byte[] both = new byte[prev.length + sha.length];
    System.arraycopy(prev, 0, both, 0, prev.length);
    System.arraycopy(sha, 0, both, prev.length, sha.length);
    return sha256Hex(both);
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
