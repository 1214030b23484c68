package io.sealtrail.translog.note;

import io.sealtrail.translog.merkle.MerkleHashing;
import io.sealtrail.translog.merkle.StrictBase64;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A named Ed25519 note verifier key and its string form {@code <name>+<hex8 keyID>+<base64(0x01 ||
 * publicKey)>}, where keyID = SHA-256(name || "\n" || 0x01 || publicKey)[0:4].
 */
public final class NoteVerifierKey {
  /** The signed-note algorithm byte of Ed25519. */
  static final byte ALG_ED25519 = 0x01;

  private final String name;
  private final int keyId;
  private final byte[] rawPublicKey;
  private final PublicKey publicKey;

  private NoteVerifierKey(String name, byte[] rawPublicKey) {
    NoteText.requireValidKeyName(name);
    this.name = name;
    this.publicKey = Ed25519.publicKey(rawPublicKey);
    this.rawPublicKey = rawPublicKey.clone();
    this.keyId = keyId(name, rawPublicKey);
  }

  /** The key for a raw 32-byte Ed25519 public key. */
  public static NoteVerifierKey of(String name, byte[] rawPublicKey) {
    return new NoteVerifierKey(name, rawPublicKey);
  }

  /** The key for a JDK Ed25519 public key. */
  public static NoteVerifierKey of(String name, PublicKey publicKey) {
    return new NoteVerifierKey(name, Ed25519.raw(publicKey));
  }

  /**
   * Parses a verifier key string, splitting on the first two '+' only (base64 may hold '+'), and
   * checks that its key ID is the one its name and key give.
   */
  public static NoteVerifierKey parse(String vkey) {
    String[] parts = vkey == null ? new String[0] : vkey.split("\\+", 3);
    if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
      throw NoteException.malformed("verifier key is not <name>+<hex8 keyid>+<base64 key>");
    }
    byte[] typedKey = decodeBase64(parts[2], "verifier key");
    if (typedKey.length != 1 + Ed25519.KEY_LENGTH || typedKey[0] != ALG_ED25519) {
      throw NoteException.malformed("verifier key is not 0x01 followed by a 32-byte Ed25519 key");
    }
    NoteVerifierKey key = of(parts[0], Arrays.copyOfRange(typedKey, 1, typedKey.length));
    if (key.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
      throw NoteException.malformed(
          "verifier key ID " + parts[1] + " does not match its key (" + key.keyIdHex() + ")");
    }
    return key;
  }

  static int keyId(String name, byte[] rawPublicKey) {
    byte[] nameBytes = (name + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] input = Ed25519.concat(nameBytes, typed(rawPublicKey));
    byte[] hash = MerkleHashing.sha256(input);
    return ((hash[0] & 0xff) << 24)
        | ((hash[1] & 0xff) << 16)
        | ((hash[2] & 0xff) << 8)
        | (hash[3] & 0xff);
  }

  static byte[] decodeBase64(String text, String what) {
    try {
      return StrictBase64.decode(text);
    } catch (IllegalArgumentException e) {
      throw NoteException.malformed(what + ": " + e.getMessage());
    }
  }

  private static byte[] typed(byte[] rawPublicKey) {
    return Ed25519.concat(new byte[] {ALG_ED25519}, rawPublicKey);
  }

  public String name() {
    return name;
  }

  /** The 4-byte key ID as a big-endian int. */
  public int keyId() {
    return keyId;
  }

  public String keyIdHex() {
    return HexFormat.of().toHexDigits(keyId);
  }

  public byte[] rawPublicKey() {
    return rawPublicKey.clone();
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code text}. */
  boolean verifies(byte[] text, byte[] signature) {
    return Ed25519.verify(publicKey, text, signature);
  }

  /** The verifier key string. */
  @Override
  public String toString() {
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed(rawPublicKey));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifierKey && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
