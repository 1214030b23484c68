package io.sealtrail.trust;

import static io.sealtrail.trust.dsse.EnvelopeJson.MAX_SIGNATURES;

import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.event.EventHeader;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether a submitted envelope is an authentic event its partner may report: envelope,
 * signatures, key standing at receipt, partner, role, site, thresholds — in that order, the first
 * failure giving the rejection reason (see trust/README.md). Thread-safe; each call reads the
 * directory snapshot current at its start.
 */
public final class SubmissionVerifier {
  /** The DSSE payload type of custody events. */
  public static final String EVENT_PAYLOAD_TYPE = "application/vnd.sealtrail.event+json";

  /**
   * The DSSE payload type of a GS1 EPCIS 2.0 JSON(-LD) document a partner captures: its events are
   * verified as the custody events they mean ({@link ParsedEnvelope#carrying}). A Sealtrail type,
   * not GS1's: the signature says the partner means the document under Sealtrail's mapping.
   */
  public static final String EPCIS_PAYLOAD_TYPE = "application/vnd.sealtrail.epcis+json";

  private final Supplier<PartnerDirectory> directory;
  private final Supplier<Policy> policy;

  public SubmissionVerifier(Supplier<PartnerDirectory> directory, Policy policy) {
    this(directory, constant(Objects.requireNonNull(policy, "policy")));
  }

  /**
   * A verifier judging by the policy {@code policy} supplies when each verification starts (the
   * runtime policy, {@link io.sealtrail.trust.policy.KafkaPolicy}).
   */
  public SubmissionVerifier(Supplier<PartnerDirectory> directory, Supplier<Policy> policy) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  private static Supplier<Policy> constant(Policy policy) {
    return () -> policy;
  }

  /** The policy this verifier judges by now; ingest reads its event age bounds from it too. */
  public Policy policy() {
    return policy.get();
  }

  /** Verifies a JSON envelope exactly as received. */
  public Verification verify(byte[] envelopeJson, Instant receivedAt) {
    return verify(ParsedEnvelope.parse(envelopeJson), receivedAt);
  }

  /** Verifies a decoded envelope received at {@code receivedAt}. */
  public Verification verify(Envelope envelope, Instant receivedAt) {
    return verify(ParsedEnvelope.of(envelope), receivedAt);
  }

  /**
   * Verifies a submission read once ({@link ParsedEnvelope#parse}) and received at {@code
   * receivedAt}; nothing here parses its bytes again.
   */
  public Verification verify(ParsedEnvelope parsed, Instant receivedAt) {
    Optional<Verification.Rejected> malformed = malformed(parsed);
    if (malformed.isPresent()) {
      return malformed.get();
    }
    SubmissionCheck check = new SubmissionCheck(parsed, receivedAt, directory.get(), policy.get());
    return beforeHeader(check).<Verification>map(rejected -> rejected).orElseGet(check::ofHeader);
  }

  /**
   * The rejection of the steps that judge the envelope before its event (envelope, signatures, key
   * standing, a registered signer, payload type), if one fails: for a carried event that cannot be
   * read ({@link ParsedEnvelope#carrying}), whose own refusal must not be told before the envelope
   * is known to be authentic.
   */
  public Optional<Verification.Rejected> signaturesRejected(
      ParsedEnvelope parsed, Instant receivedAt) {
    return malformed(parsed)
        .or(
            () ->
                beforeHeader(
                    new SubmissionCheck(parsed, receivedAt, directory.get(), policy.get())));
  }

  private static Optional<Verification.Rejected> malformed(ParsedEnvelope parsed) {
    if (parsed.envelopeDefect().isPresent()) {
      MalformedEnvelopeException e = parsed.envelopeDefect().get();
      return Optional.of(
          new Verification.Rejected(
              RejectionReason.MALFORMED_ENVELOPE,
              pointer(e.field()),
              null,
              null,
              e.getMessage(),
              null));
    }
    Envelope envelope = parsed.envelope().orElseThrow();
    if (envelope.signatures().isEmpty() || envelope.signatures().size() > MAX_SIGNATURES) {
      return Optional.of(
          new Verification.Rejected(
              RejectionReason.MALFORMED_ENVELOPE,
              "/signatures",
              null,
              null,
              envelope.signatures().size()
                  + " signatures, 1 to "
                  + MAX_SIGNATURES
                  + " are accepted",
              null));
    }
    return Optional.empty();
  }

  private static Optional<Verification.Rejected> beforeHeader(SubmissionCheck check) {
    return check
        .badSignature()
        .or(check::keyNotInForce)
        .or(check::noRegisteredSigner)
        .or(check::unsupportedPayloadType);
  }

  /**
   * The claimed event header of {@code envelope} when a key registered to the partner it claims
   * signed it validly, whatever that key's standing and the partner's roles and sites now. Enough
   * to recognise a resend of an event accepted earlier, never to accept a new one: ingest checks
   * its dedup entry with it before judging revocation and policy, so a retry whose first reply was
   * lost is still a duplicate after the key was revoked or the policy changed.
   */
  public Optional<EventHeader> signedByClaimedPartner(Envelope envelope) {
    return signedByClaimedPartner(ParsedEnvelope.of(envelope));
  }

  /** {@link #signedByClaimedPartner(Envelope)} of a submission read once. */
  public Optional<EventHeader> signedByClaimedPartner(ParsedEnvelope parsed) {
    Optional<Envelope> read = parsed.envelope();
    if (read.isEmpty()
        || !parsed.payloadType().equals(read.get().payloadType())
        || read.get().signatures().size() > MAX_SIGNATURES) {
      return Optional.empty();
    }
    Envelope envelope = read.get();
    Optional<EventHeader> claimed = parsed.claimed();
    Optional<Partner> partner = claimed.flatMap(h -> directory.get().partner(h.partnerId()));
    if (partner.isEmpty()) {
      return Optional.empty();
    }
    List<SignatureCheck> checks =
        SignatureCheck.until(
            envelope,
            keyid -> partner.get().key(keyid).map(PartnerKey::verifier),
            check -> check.status() == SignatureCheck.Status.VALID);
    boolean signed = checks.stream().anyMatch(c -> c.status() == SignatureCheck.Status.VALID);
    return signed ? claimed : Optional.empty();
  }

  /**
   * Turns a codec path like {@code signatures[1].sig} into a JSON pointer {@code
   * /signatures/1/sig}.
   */
  static String pointer(String path) {
    if (path.equals("$")) {
      return "";
    }
    return "/" + path.replace("[", "/").replace("]", "").replace('.', '/');
  }
}
