package io.sealtrail.trust.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The signature algorithms of the partner contract, with the short names the CLI accepts. */
public enum KeyAlgorithm {
  /** Ed25519 (RFC 8032), 64-byte signatures. */
  ED25519("ed25519"),
  /** ECDSA over NIST P-256 with SHA-256, DER-encoded signatures. */
  ECDSA_P256("p256");

  private final String shortName;

  KeyAlgorithm(String shortName) {
    this.shortName = shortName;
  }

  /** The name used on the command line and in messages ({@code ed25519}, {@code p256}). */
  public String shortName() {
    return shortName;
  }

  /** Parses a short name or an enum name, case-insensitively. */
  public static KeyAlgorithm fromName(String name) {
    for (KeyAlgorithm algorithm : values()) {
      if (algorithm.shortName.equalsIgnoreCase(name) || algorithm.name().equalsIgnoreCase(name)) {
        return algorithm;
      }
    }
    throw new UnsupportedKeyException(
        "unsupported algorithm '" + name + "'; supported: " + supportedNames());
  }

  /** The supported algorithms as a human-readable list, for refusal messages. */
  public static String supportedNames() {
    return Arrays.stream(values())
        .map(a -> a.shortName + " (" + a.name().toLowerCase(Locale.ROOT) + ")")
        .collect(Collectors.joining(", "));
  }
}
