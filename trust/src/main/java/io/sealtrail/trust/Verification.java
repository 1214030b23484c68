package io.sealtrail.trust;

import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.event.EventHeader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The outcome of verifying one submission: {@link Verified} or {@link Rejected}, never an
 * exception.
 */
public sealed interface Verification permits Verification.Verified, Verification.Rejected {

  boolean accepted();

  /** Applies the function matching this variant. */
  <T> T fold(Function<Verified, T> onVerified, Function<Rejected, T> onRejected);

  /**
   * An authentic event its partner may report.
   *
   * @param signers the valid signatures by keys in force, one per key, in envelope order
   * @param flags what is authentic but should be looked at downstream, e.g. {@code
   *     MISSING_DUAL_APPROVAL} for a flash without an approver co-signature
   */
  record Verified(
      EventHeader header, Envelope envelope, List<VerifiedSigner> signers, Set<String> flags)
      implements Verification {
    public Verified {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(envelope, "envelope");
      signers = List.copyOf(signers);
      flags = Set.copyOf(flags);
      if (signers.isEmpty()) {
        throw new IllegalArgumentException("a verified event has at least one signer");
      }
    }

    /**
     * True when a partner other than the event's own signed with {@code role}, e.g. an APPROVER
     * co-signature.
     */
    public boolean coSignedBy(String role) {
      return signers.stream()
          .anyMatch(s -> s.hasRole(role) && !s.partnerId().equals(header.partnerId()));
    }

    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public <T> T fold(Function<Verified, T> onVerified, Function<Rejected, T> onRejected) {
      return onVerified.apply(this);
    }
  }

  /**
   * A refused submission with its stable reason.
   *
   * @param field JSON pointer of the offending field ({@code /signatures/1/sig}, {@code /site}), or
   *     null. Envelope and signature reasons point into the envelope, event reasons into the
   *     decoded payload (as ingest's SCHEMA_VIOLATION does)
   * @param signatureIndex the offending signature's index, or null when no single one is at fault
   * @param keyId the offending signature's keyid as received, or null
   * @param claimed the event header as claimed, when it could be read (null otherwise)
   */
  record Rejected(
      RejectionReason reason,
      String field,
      Integer signatureIndex,
      String keyId,
      String detail,
      EventHeader claimed)
      implements Verification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      if (signatureIndex != null && signatureIndex < 0) {
        throw new IllegalArgumentException("signatureIndex must be >= 0");
      }
    }

    public Optional<EventHeader> claimedHeader() {
      return Optional.ofNullable(claimed);
    }

    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public <T> T fold(Function<Verified, T> onVerified, Function<Rejected, T> onRejected) {
      return onRejected.apply(this);
    }
  }
}
