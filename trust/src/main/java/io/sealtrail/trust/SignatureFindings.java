package io.sealtrail.trust;

import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.partner.RegisteredKey;
import io.sealtrail.trust.policy.SignatureThreshold;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an envelope's signatures say against one directory snapshot: each checked once, signers
 * derived once. Keys of the partner the event claims are always held to account: a bad signature or
 * a key not in force rejects. Once a key of that partner in force signed validly, other partners'
 * co-signatures count only when valid and in force and are otherwise treated as absent, so a broken
 * or revoked co-signature cannot hide an authentic report. Until then (claim unreadable, or not
 * signed by its partner) every registered key is held to account, so an altered payload is still a
 * bad signature.
 */
final class SignatureFindings {
  private final PartnerDirectory directory;
  private final Instant receivedAt;
  private final String claimedPartner;
  private final List<SignatureCheck> checks;
  private final boolean claimantSigned;
  private List<VerifiedSigner> signers;

  SignatureFindings(
      Envelope envelope, PartnerDirectory directory, Instant receivedAt, String claimedPartner) {
    this.directory = directory;
    this.receivedAt = receivedAt;
    this.claimedPartner = claimedPartner;
    // A bad signature by the claimant's key rejects the envelope: nothing after it is checked.
    this.checks =
        SignatureCheck.until(
            envelope,
            keyid -> directory.key(keyid).map(k -> k.key().verifier()),
            c -> c.status() == Status.INVALID && byClaimant(c));
    this.claimantSigned =
        checks.stream().anyMatch(c -> c.status() == Status.VALID && byClaimant(c) && inForce(c));
  }

  /** The first signature by a key the directory does not know. */
  Optional<SignatureCheck> firstUnknownKey() {
    return checks.stream().filter(c -> c.status() == Status.UNKNOWN_KEY).findFirst();
  }

  /** The first signature by an accountable key that does not verify, the claimant's first. */
  Optional<SignatureCheck> firstBad() {
    List<SignatureCheck> bad =
        checks.stream().filter(c -> c.status() == Status.INVALID && accountable(c)).toList();
    return bad.stream().filter(this::byClaimant).findFirst().or(() -> bad.stream().findFirst());
  }

  /** The first valid signature by an accountable key that is not in force at receipt. */
  Optional<SignatureCheck> firstNotInForce() {
    return checks.stream()
        .filter(c -> c.status() == Status.VALID && accountable(c) && !inForce(c))
        .findFirst();
  }

  /** The registered key of a valid or invalid signature. */
  PartnerKey key(SignatureCheck check) {
    return registered(check).key();
  }

  /** Valid signatures by keys in force at receipt, one per key, in envelope order. */
  List<VerifiedSigner> signers() {
    if (signers == null) {
      Map<String, VerifiedSigner> byKey = new LinkedHashMap<>();
      checks.stream()
          .filter(c -> c.status() == Status.VALID && inForce(c))
          .forEach(c -> byKey.putIfAbsent(c.keyid(), signer(c)));
      signers = List.copyOf(byKey.values());
    }
    return signers;
  }

  /**
   * How many distinct signers holding the threshold's role signed validly: distinct partners, or,
   * when the threshold says {@code keys}, distinct public keys.
   */
  long distinctWithRole(SignatureThreshold threshold) {
    if (threshold.distinct() == SignatureThreshold.Distinct.PARTNERS) {
      return signers().stream()
          .filter(s -> s.hasRole(threshold.role()))
          .map(VerifiedSigner::partnerId)
          .distinct()
          .count();
    }
    return distinctKeysWithRole(threshold.role());
  }

  /**
   * How many distinct public keys (by DER SubjectPublicKeyInfo, not by keyid) of signers holding
   * {@code role} signed validly: a key registered under two keyids still counts once.
   */
  private long distinctKeysWithRole(String role) {
    return signers().stream()
        .filter(s -> s.hasRole(role))
        .map(s -> directory.key(s.keyId().hex()).orElseThrow().key().verifier())
        .map(verifier -> ByteBuffer.wrap(verifier.subjectPublicKeyInfo()))
        .distinct()
        .count();
  }

  private boolean accountable(SignatureCheck check) {
    return !claimantSigned || byClaimant(check);
  }

  // With no readable claim every registered key counts as the claimant's.
  private boolean byClaimant(SignatureCheck check) {
    return claimedPartner == null || registered(check).partner().partnerId().equals(claimedPartner);
  }

  private boolean inForce(SignatureCheck check) {
    return key(check).standingAt(receivedAt).inForce();
  }

  private RegisteredKey registered(SignatureCheck check) {
    return directory.key(check.keyid()).orElseThrow();
  }

  private VerifiedSigner signer(SignatureCheck check) {
    RegisteredKey registered = registered(check);
    return new VerifiedSigner(
        check.index(),
        new KeyId(check.keyid()),
        registered.partner().partnerId(),
        registered.partner().rolesAt(receivedAt));
  }
}
