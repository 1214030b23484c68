package io.sealtrail.trust;

import io.sealtrail.trust.Verification.Rejected;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.event.EventHeader;
import io.sealtrail.trust.event.MalformedEventException;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import io.sealtrail.trust.policy.SignatureThreshold;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The verification steps for one submission, in order, each returning its rejection if it fails.
 * Stateless: every step reads the one parsed submission, and the steps after the header is known
 * are handed the header, so no step depends on another having run.
 */
final class SubmissionCheck {
  private final Envelope envelope;
  private final Instant receivedAt;
  private final PartnerDirectory directory;
  private final Policy policy;
  private final SignatureFindings signatures;
  // Read before anything is authenticated, for rejections and to know whose keys are accountable;
  // trusted only once the partner's own signature verified (then it is the header).
  private final EventHeader claimed;
  private final MalformedEventException headerDefect;
  private final String payloadType;

  SubmissionCheck(
      ParsedEnvelope parsed, Instant receivedAt, PartnerDirectory directory, Policy policy) {
    this.envelope = parsed.envelope().orElseThrow();
    this.receivedAt = receivedAt;
    this.directory = directory;
    this.policy = policy;
    this.claimed = parsed.claimed().orElse(null);
    this.headerDefect = parsed.headerDefect().orElse(null);
    this.payloadType = parsed.payloadType();
    this.signatures =
        new SignatureFindings(
            envelope, directory, receivedAt, claimed == null ? null : claimed.partnerId());
  }

  Optional<Rejected> badSignature() {
    return signatures
        .firstBad()
        .map(
            c ->
                signatureRejected(
                    RejectionReason.BAD_SIGNATURE,
                    c,
                    "sig",
                    "signature "
                        + c.index()
                        + " does not verify with registered key "
                        + c.keyid()));
  }

  Optional<Rejected> keyNotInForce() {
    return signatures
        .firstNotInForce()
        .map(
            c ->
                signatureRejected(
                    RejectionReason.REVOKED_KEY,
                    c,
                    "keyid",
                    signatures.key(c).describeStanding(receivedAt)));
  }

  Optional<Rejected> noRegisteredSigner() {
    if (!signatures.signers().isEmpty()) {
      return Optional.empty();
    }
    return signatures.firstUnknownKey().map(this::unknownKey);
  }

  Optional<Rejected> unsupportedPayloadType() {
    if (payloadType.equals(envelope.payloadType())) {
      return Optional.empty();
    }
    return rejected(
        RejectionReason.MALFORMED_ENVELOPE,
        "/payloadType",
        "unsupported payload type '" + envelope.payloadType() + "', expected " + payloadType);
  }

  /**
   * The steps that need the event header, once the signatures passed: the header cannot be read, or
   * the partner did not sign, is not authorised or has too few signatures; else verified.
   */
  Verification ofHeader() {
    if (claimed == null) {
      String field = headerDefect.field().equals("$") ? "" : "/" + headerDefect.field();
      return new Rejected(
          RejectionReason.MALFORMED_EVENT, field, null, null, headerDefect.getMessage(), null);
    }
    EventHeader header = claimed;
    return partnerDidNotSign(header)
        .or(() -> notAuthorised(header))
        .or(() -> belowThreshold(header))
        .<Verification>map(rejected -> rejected)
        .orElseGet(() -> verified(header));
  }

  private Optional<Rejected> partnerDidNotSign(EventHeader header) {
    if (signatures.signers().stream().anyMatch(s -> s.partnerId().equals(header.partnerId()))) {
      return Optional.empty();
    }
    // An unregistered key may be the partner's own: say so rather than blame the partner id.
    return signatures
        .firstUnknownKey()
        .map(this::unknownKey)
        .or(
            () ->
                rejected(
                    RejectionReason.PARTNER_MISMATCH,
                    "/partnerId",
                    "event claims partner "
                        + header.partnerId()
                        + " but no key of it in force signed; valid signatures by "
                        + signatures.signers().stream()
                            .map(VerifiedSigner::partnerId)
                            .distinct()
                            .toList()));
  }

  private Optional<Rejected> notAuthorised(EventHeader header) {
    Partner partner = directory.partner(header.partnerId()).orElseThrow();
    // A role or site granted for a period counts only within it, at receipt like a key's validity;
    // outside it the event gets the code it would get had it never been granted.
    Set<String> roles = partner.rolesAt(receivedAt);
    if (!policy.allows(roles, header.type())) {
      return rejected(
          RejectionReason.ROLE_NOT_ALLOWED,
          "/type",
          "partner "
              + partner.partnerId()
              + " with roles "
              + new java.util.TreeSet<>(roles)
              + " may not report "
              + header.type());
    }
    if (!partner.mayReportFrom(header.site(), receivedAt)) {
      return rejected(
          RejectionReason.SITE_NOT_ALLOWED,
          "/site",
          "partner " + partner.partnerId() + " may not report from site " + header.site());
    }
    return Optional.empty();
  }

  private Optional<Rejected> belowThreshold(EventHeader header) {
    return policy.threshold(header.type()).flatMap(threshold -> belowThreshold(header, threshold));
  }

  private Verification.Verified verified(EventHeader header) {
    var unflagged = new Verification.Verified(header, envelope, signatures.signers(), Set.of());
    Set<String> flags =
        policy
            .coSignature(header.type())
            .filter(co -> !unflagged.coSignedBy(co.role()))
            .map(co -> Set.of(co.flagWhenMissing()))
            .orElse(Set.of());
    return new Verification.Verified(header, envelope, signatures.signers(), flags);
  }

  private Optional<Rejected> belowThreshold(EventHeader header, SignatureThreshold threshold) {
    long signers = signatures.distinctWithRole(threshold);
    if (signers >= threshold.distinctKeys()) {
      return Optional.empty();
    }
    return rejected(
        RejectionReason.INSUFFICIENT_SIGNATURES,
        "/signatures",
        header.type()
            + " needs valid signatures by "
            + threshold.distinctKeys()
            + " distinct "
            + threshold.role()
            + " "
            + threshold.distinct().jsonName()
            + ", found "
            + signers);
  }

  private Rejected unknownKey(SignatureCheck check) {
    String detail =
        check.keyid() == null
            ? "signature " + check.index() + " has no keyid"
            : "signature " + check.index() + " names no registered key: " + check.keyid();
    return signatureRejected(RejectionReason.UNKNOWN_KEY, check, "keyid", detail);
  }

  private Rejected signatureRejected(
      RejectionReason reason, SignatureCheck check, String name, String detail) {
    String field = "/signatures/" + check.index() + "/" + name;
    return new Rejected(reason, field, check.index(), check.keyid(), detail, claimed);
  }

  private Optional<Rejected> rejected(RejectionReason reason, String field, String detail) {
    return Optional.of(new Rejected(reason, field, null, null, detail, claimed));
  }
}
