package io.sealtrail.trust;

import io.sealtrail.trust.Verification.Rejected;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.event.EventHeader;
import io.sealtrail.trust.event.EventHeaders;
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
 */
final class SubmissionCheck {
  private final Envelope envelope;
  private final Instant receivedAt;
  private final PartnerDirectory directory;
  private final Policy policy;
  private final SignatureFindings signatures;
  private EventHeader header;

  SubmissionCheck(
      Envelope envelope, Instant receivedAt, PartnerDirectory directory, Policy policy) {
    this.envelope = envelope;
    this.receivedAt = receivedAt;
    this.directory = directory;
    this.policy = policy;
    this.signatures = new SignatureFindings(envelope, directory);
  }

  Optional<Rejected> badSignature() {
    return signatures
        .first(Status.INVALID)
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
        .firstNotInForceAt(receivedAt)
        .map(
            c ->
                signatureRejected(
                    RejectionReason.REVOKED_KEY,
                    c,
                    "keyid",
                    signatures.key(c).describeStanding(receivedAt)));
  }

  Optional<Rejected> noRegisteredSigner() {
    if (signatures.first(Status.VALID).isPresent()) {
      return Optional.empty();
    }
    return signatures.first(Status.UNKNOWN_KEY).map(this::unknownKey);
  }

  Optional<Rejected> unreadablePayload() {
    if (!SubmissionVerifier.EVENT_PAYLOAD_TYPE.equals(envelope.payloadType())) {
      return rejected(
          RejectionReason.MALFORMED_ENVELOPE,
          "/payloadType",
          "unsupported payload type '"
              + envelope.payloadType()
              + "', expected "
              + SubmissionVerifier.EVENT_PAYLOAD_TYPE);
    }
    try {
      header = EventHeaders.parse(envelope.payload());
      return Optional.empty();
    } catch (MalformedEventException e) {
      String field = e.field().equals("$") ? "" : "/" + e.field();
      return rejected(RejectionReason.MALFORMED_EVENT, field, e.getMessage());
    }
  }

  Optional<Rejected> partnerDidNotSign() {
    if (signatures.signers().stream().anyMatch(s -> s.partnerId().equals(header.partnerId()))) {
      return Optional.empty();
    }
    // An unregistered key may be the partner's own: say so rather than blame the partner id.
    return signatures
        .first(Status.UNKNOWN_KEY)
        .map(this::unknownKey)
        .or(
            () ->
                rejected(
                    RejectionReason.PARTNER_MISMATCH,
                    "/partnerId",
                    "event claims partner "
                        + header.partnerId()
                        + " but is signed only by "
                        + signatures.signers().stream()
                            .map(VerifiedSigner::partnerId)
                            .distinct()
                            .toList()));
  }

  Optional<Rejected> notAuthorised() {
    Partner partner = directory.partner(header.partnerId()).orElseThrow();
    if (!policy.allows(partner.roles(), header.type())) {
      return rejected(
          RejectionReason.ROLE_NOT_ALLOWED,
          "/type",
          "partner "
              + partner.partnerId()
              + " with roles "
              + partner.roles()
              + " may not report "
              + header.type());
    }
    if (!partner.mayReportFrom(header.site())) {
      return rejected(
          RejectionReason.SITE_NOT_ALLOWED,
          "/site",
          "partner " + partner.partnerId() + " may not report from site " + header.site());
    }
    return Optional.empty();
  }

  Optional<Rejected> belowThreshold() {
    return policy.threshold(header.type()).flatMap(this::belowThreshold);
  }

  Verification.Verified verified() {
    var unflagged = new Verification.Verified(header, envelope, signatures.signers(), Set.of());
    Set<String> flags =
        policy
            .coSignature(header.type())
            .filter(co -> !unflagged.coSignedBy(co.role()))
            .map(co -> Set.of(co.flagWhenMissing()))
            .orElse(Set.of());
    return new Verification.Verified(header, envelope, signatures.signers(), flags);
  }

  private Optional<Rejected> belowThreshold(SignatureThreshold threshold) {
    long keys = signatures.signers().stream().filter(s -> s.hasRole(threshold.role())).count();
    if (keys >= threshold.distinctKeys()) {
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
            + " keys, found "
            + keys);
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
    return new Rejected(reason, field, check.index(), check.keyid(), detail, header);
  }

  private Optional<Rejected> rejected(RejectionReason reason, String field, String detail) {
    return Optional.of(new Rejected(reason, field, null, null, detail, header));
  }
}
