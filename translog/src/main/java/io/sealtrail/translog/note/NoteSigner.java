package io.sealtrail.translog.note;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Signs note text with a named Ed25519 key (the log's key name should equal its origin). Keep this
 * key apart from partner and DSSE keys; publish {@link #verifierKey()}.
 */
public final class NoteSigner {
  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final NoteVerifierKey verifierKey;
  private final PrivateKey privateKey;

  private NoteSigner(NoteVerifierKey verifierKey, PrivateKey privateKey) {
    this.verifierKey = verifierKey;
    this.privateKey = privateKey;
  }

  /** A signer from a JDK Ed25519 key pair. */
  public static NoteSigner of(String name, KeyPair keyPair) {
    return new NoteSigner(NoteVerifierKey.of(name, keyPair.getPublic()), keyPair.getPrivate());
  }

  /** A signer from a raw 32-byte Ed25519 seed (RFC 8032 private key). */
  public static NoteSigner fromSeed(String name, byte[] seed) {
    return of(name, Ed25519.fromSeed(seed));
  }

  /**
   * A signer from the Go tooling's private key string {@code PRIVATE+KEY+<name>+<hex8
   * keyid>+<base64(0x01 || seed)>}; the key ID must match the derived public key.
   */
  public static NoteSigner parsePrivateKey(String privateKeyString) {
    if (privateKeyString == null || !privateKeyString.startsWith(PRIVATE_PREFIX)) {
      throw NoteException.malformed("private key string does not start with " + PRIVATE_PREFIX);
    }
    String[] parts = privateKeyString.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
    if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
      throw NoteException.malformed("private key is not PRIVATE+KEY+<name>+<keyid>+<base64>");
    }
    byte[] typedSeed = NoteVerifierKey.decodeBase64(parts[2], "private key");
    if (typedSeed.length != 1 + Ed25519.KEY_LENGTH || typedSeed[0] != NoteVerifierKey.ALG_ED25519) {
      throw NoteException.malformed("private key is not 0x01 followed by a 32-byte Ed25519 seed");
    }
    NoteSigner signer = fromSeed(parts[0], Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
    if (signer.verifierKey.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
      throw NoteException.malformed("private key ID " + parts[1] + " does not match its key");
    }
    return signer;
  }

  /** A signer with a fresh random key. */
  public static NoteSigner generate(String name) {
    try {
      return of(name, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 15+ has Ed25519", e);
    }
  }

  /** The Go tooling's private key string for this key; keep it as secret as the key. */
  public String privateKeyString() {
    byte[] seed =
        ((EdECPrivateKey) privateKey)
            .getBytes()
            .orElseThrow(() -> new IllegalStateException("this private key hides its seed"));
    byte[] typed = Ed25519.concat(new byte[] {NoteVerifierKey.ALG_ED25519}, seed);
    return PRIVATE_PREFIX
        + verifierKey.name()
        + "+"
        + verifierKey.keyIdHex()
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  public NoteVerifierKey verifierKey() {
    return verifierKey;
  }

  /** This key's signature line over {@code text} (which must be valid note text). */
  public NoteSignature sign(String text) {
    NoteText.requireValidText(text);
    byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
    return new NoteSignature(verifierKey.name(), verifierKey.keyId(), signature);
  }

  /** {@code text} signed by this key alone. */
  public SignedNote signNote(String text) {
    return new SignedNote(text, List.of(sign(text)));
  }
}
