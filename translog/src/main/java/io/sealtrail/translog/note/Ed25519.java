package io.sealtrail.translog.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** The JDK's Ed25519 (Java 15+) with raw 32-byte keys as signed notes carry them. */
final class Ed25519 {
  static final int KEY_LENGTH = 32;
  static final int SIGNATURE_LENGTH = 64;
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private Ed25519() {}

  static PublicKey publicKey(byte[] raw) {
    requireLength(raw, "public key");
    return generate(
        () ->
            KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw))));
  }

  /** The raw 32 bytes of a JDK Ed25519 public key: the tail of its SubjectPublicKeyInfo. */
  static byte[] raw(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
        || spki.length != SPKI_PREFIX.length + KEY_LENGTH
        || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw NoteException.malformed("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
  }

  /** The key pair of a 32-byte seed (the private key as RFC 8032 defines it). */
  static KeyPair fromSeed(byte[] seed) {
    requireLength(seed, "private key seed");
    return generate(
        () -> {
          // The JDK derives a key pair from 32 random bytes; feeding it the seed reproduces the
          // pair.
          KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
          generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
          KeyPair pair = generator.generateKeyPair();
          PrivateKey privateKey =
              KeyFactory.getInstance("Ed25519")
                  .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
          return new KeyPair(pair.getPublic(), privateKey);
        });
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    return generate(
        () -> {
          Signature signature = Signature.getInstance("Ed25519");
          signature.initSign(key);
          signature.update(message);
          return signature.sign();
        });
  }

  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void requireLength(byte[] raw, String what) {
    if (raw == null || raw.length != KEY_LENGTH) {
      throw NoteException.malformed("an Ed25519 " + what + " is " + KEY_LENGTH + " bytes");
    }
  }

  private interface Crypto<T> {
    T run() throws GeneralSecurityException;
  }

  private static <T> T generate(Crypto<T> crypto) {
    try {
      return crypto.run();
    } catch (GeneralSecurityException e) {
      throw new NoteException(NoteException.Reason.MALFORMED, "Ed25519: " + e.getMessage(), e);
    }
  }

  /** Hands out the seed as the "random" bytes of key generation, once. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("unexpected request for " + bytes.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
