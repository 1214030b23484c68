package io.sealtrail.trust.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * An event type that needs valid signatures by {@code distinctKeys} different signers holding
 * {@code role}, counted as {@code distinct} says: by default distinct partners, so one partner
 * holding two keys counts once (a 2-of-n release needs two release managers, not two keys of one).
 */
public record SignatureThreshold(String role, int distinctKeys, Distinct distinct) {
  /** What counts as one signer towards a threshold. */
  public enum Distinct {
    /** One per partner, whatever number of its keys signed (the default). */
    PARTNERS,
    /** One per public key, even when one partner holds several. */
    KEYS;

    /** The name as the policy document writes it: {@code partners} or {@code keys}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SignatureThreshold {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(distinct, "distinct");
    if (distinctKeys < 1) {
      throw new IllegalArgumentException("a threshold needs at least one key, got " + distinctKeys);
    }
  }

  /** A threshold counting distinct partners. */
  public SignatureThreshold(String role, int distinctKeys) {
    this(role, distinctKeys, Distinct.PARTNERS);
  }
}
