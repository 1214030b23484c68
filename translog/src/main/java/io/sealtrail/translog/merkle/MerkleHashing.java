package io.sealtrail.translog.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing: leaves are hashed with a 0x00 prefix and interior nodes with 0x01, so a
 * leaf can never be passed off as a node (no second-preimage trick); the empty tree is SHA-256 of
 * nothing.
 */
public final class MerkleHashing {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final Hash EMPTY_ROOT = Hash.of(sha256().digest());

  private MerkleHashing() {}

  /** {@code SHA-256(0x00 || leafData)}. */
  public static Hash leafHash(byte[] leafData) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    digest.update(leafData);
    return Hash.of(digest.digest());
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static Hash nodeHash(Hash left, Hash right) {
    return Hash.of(nodeHash(left.bytes(), right.bytes()));
  }

  /** The node construction on raw bytes, as RFC 6962's reference data exercises it. */
  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  /** The root of the tree of size 0: {@code SHA-256("")}, which is not a leaf hash. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /** Plain SHA-256, for the envelope digest in a leaf. */
  public static byte[] sha256(byte[] data) {
    return sha256().digest(data);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
