package io.sealtrail.trust.partner;

import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.crypto.Verifier;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered public key of a partner, parsed once into its {@link Verifier}, with its validity
 * interval and revocation. Every instant is compared with the submission's receipt, never with the
 * time the event claims, so a backdated event cannot slip past a revocation.
 *
 * @param notBefore first instant of validity, or null for no lower bound
 * @param notAfter last instant of validity, or null for no upper bound
 * @param revokedAt submissions received at or after this instant are refused, or null
 * @param revocationReason why the first revocation revoked it, or null
 * @param revocationAlertId the alert the first revocation answered, or null
 */
public record PartnerKey(
    Verifier verifier,
    Instant notBefore,
    Instant notAfter,
    Instant revokedAt,
    String revocationReason,
    String revocationAlertId) {
  public PartnerKey {
    Objects.requireNonNull(verifier, "verifier");
    if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " is before notBefore " + notBefore);
    }
  }

  /** A key with no recorded reason or alert for its revocation. */
  public PartnerKey(Verifier verifier, Instant notBefore, Instant notAfter, Instant revokedAt) {
    this(verifier, notBefore, notAfter, revokedAt, null, null);
  }

  /** A key valid from registration on, never revoked. */
  public static PartnerKey unbounded(Verifier verifier) {
    return new PartnerKey(verifier, null, null, null);
  }

  public KeyId keyId() {
    return verifier.keyId();
  }

  public KeyStanding standingAt(Instant receivedAt) {
    if (revokedAt != null && !receivedAt.isBefore(revokedAt)) {
      return KeyStanding.REVOKED;
    }
    if (notBefore != null && receivedAt.isBefore(notBefore)) {
      return KeyStanding.NOT_YET_VALID;
    }
    if (notAfter != null && receivedAt.isAfter(notAfter)) {
      return KeyStanding.EXPIRED;
    }
    return KeyStanding.IN_FORCE;
  }

  /** This key revoked from {@code at} on; an earlier revocation stands. */
  public PartnerKey revokedFrom(Instant at) {
    return revokedFrom(at, null, null);
  }

  /**
   * This key revoked from {@code at} on, for {@code reason} in answer to {@code alertId} (each may
   * be null). An earlier instant stands, and a key already revoked keeps its first reason and
   * alert: what was recorded about the revocation is never rewritten.
   */
  public PartnerKey revokedFrom(Instant at, String reason, String alertId) {
    if (revokedAt == null) {
      return new PartnerKey(verifier, notBefore, notAfter, at, reason, alertId);
    }
    Instant effective = revokedAt.isBefore(at) ? revokedAt : at;
    return new PartnerKey(
        verifier, notBefore, notAfter, effective, revocationReason, revocationAlertId);
  }

  /** Why a key that is not in force was refused, for rejection details. */
  public String describeStanding(Instant receivedAt) {
    return switch (standingAt(receivedAt)) {
      case REVOKED ->
          "key " + keyId() + " revoked at " + revokedAt + ", submission received at " + receivedAt;
      case NOT_YET_VALID ->
          "key "
              + keyId()
              + " not valid before "
              + notBefore
              + ", submission received at "
              + receivedAt;
      case EXPIRED ->
          "key " + keyId() + " expired at " + notAfter + ", submission received at " + receivedAt;
      case IN_FORCE -> "key " + keyId() + " in force at " + receivedAt;
    };
  }
}
