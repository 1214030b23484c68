package io.sealtrail.trust;

import io.sealtrail.trust.Verification.Rejected;
import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.event.EventHeader;
import io.sealtrail.trust.event.EventHeaders;
import io.sealtrail.trust.event.MalformedEventException;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.RegisteredKey;
import io.sealtrail.trust.policy.Policy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The verification steps for one submission, each returning its rejection if the step fails. */
final class SubmissionCheck {
  private final Envelope envelope;
  private final Instant receivedAt;
  private final PartnerDirectory directory;
  private final Policy policy;
  private final List<SignatureCheck> checks;
  private EventHeader header;

  SubmissionCheck(
      Envelope envelope, Instant receivedAt, PartnerDirectory directory, Policy policy) {
    this.envelope = envelope;
    this.receivedAt = receivedAt;
    this.directory = directory;
    this.policy = policy;
    this.checks =
        SignatureCheck.all(envelope, keyid -> directory.key(keyid).map(k -> k.key().verifier()));
  }

  Optional<Rejected> badSignature() {
    return first(Status.INVALID)
        .map(
            c ->
                rejected(
                    RejectionReason.BAD_SIGNATURE,
                    sigField(c, "sig"),
                    c,
                    "signature "
                        + c.index()
                        + " does not verify with registered key "
                        + c.keyid()));
  }

  Optional<Rejected> keyNotInForce() {
    return checks.stream()
        .filter(
            c ->
                c.status() == Status.VALID && !registered(c).key().standingAt(receivedAt).inForce())
        .findFirst()
        .map(
            c ->
                rejected(
                    RejectionReason.REVOKED_KEY,
                    sigField(c, "keyid"),
                    c,
                    registered(c).key().describeStanding(receivedAt)));
  }

  Optional<Rejected> noRegisteredSigner() {
    if (first(Status.VALID).isPresent()) {
      return Optional.empty();
    }
    return first(Status.UNKNOWN_KEY).map(this::unknownKey);
  }

  Optional<Rejected> unreadablePayload() {
    if (!SubmissionVerifier.EVENT_PAYLOAD_TYPE.equals(envelope.payloadType())) {
      return Optional.of(
          rejected(
              RejectionReason.MALFORMED_ENVELOPE,
              "/payloadType",
              null,
              "unsupported payload type '"
                  + envelope.payloadType()
                  + "', expected "
                  + SubmissionVerifier.EVENT_PAYLOAD_TYPE));
    }
    try {
      header = EventHeaders.parse(envelope.payload());
      return Optional.empty();
    } catch (MalformedEventException e) {
      String field = e.field().equals("$") ? "/payload" : "/payload/" + e.field();
      return Optional.of(rejected(RejectionReason.MALFORMED_EVENT, field, null, e.getMessage()));
    }
  }

  Optional<Rejected> partnerDidNotSign() {
    boolean signedByPartner =
        signers().stream().anyMatch(s -> s.partnerId().equals(header.partnerId()));
    if (signedByPartner) {
      return Optional.empty();
    }
    // An unregistered key may be the partner's own: say so rather than blame the partner id.
    return first(Status.UNKNOWN_KEY)
        .map(this::unknownKey)
        .or(
            () ->
                Optional.of(
                    rejected(
                        RejectionReason.PARTNER_MISMATCH,
                        "/payload/partnerId",
                        null,
                        "event claims partner "
                            + header.partnerId()
                            + " but is signed only by "
                            + signers().stream()
                                .map(VerifiedSigner::partnerId)
                                .distinct()
                                .toList())));
  }

  Optional<Rejected> notAuthorised() {
    Partner partner = directory.partner(header.partnerId()).orElseThrow();
    if (!policy.allows(partner.roles(), header.type())) {
      return Optional.of(
          rejected(
              RejectionReason.ROLE_NOT_ALLOWED,
              "/payload/type",
              null,
              "partner "
                  + partner.partnerId()
                  + " with roles "
                  + partner.roles()
                  + " may not report "
                  + header.type()));
    }
    if (!partner.mayReportFrom(header.site())) {
      return Optional.of(
          rejected(
              RejectionReason.SITE_NOT_ALLOWED,
              "/payload/site",
              null,
              "partner " + partner.partnerId() + " may not report from site " + header.site()));
    }
    return Optional.empty();
  }

  Optional<Rejected> belowThreshold() {
    return policy
        .threshold(header.type())
        .flatMap(
            threshold -> {
              long keys = signers().stream().filter(s -> s.hasRole(threshold.role())).count();
              if (keys >= threshold.distinctKeys()) {
                return Optional.empty();
              }
              return Optional.of(
                  rejected(
                      RejectionReason.INSUFFICIENT_SIGNATURES,
                      "/signatures",
                      null,
                      header.type()
                          + " needs valid signatures by "
                          + threshold.distinctKeys()
                          + " distinct "
                          + threshold.role()
                          + " keys, found "
                          + keys));
            });
  }

  Verification.Verified verified() {
    List<VerifiedSigner> signers = signers();
    Verification.Verified unflagged =
        new Verification.Verified(header, envelope, signers, Set.of());
    Set<String> flags =
        policy
            .coSignature(header.type())
            .filter(co -> !unflagged.coSignedBy(co.role()))
            .map(co -> Set.of(co.flagWhenMissing()))
            .orElse(Set.of());
    return new Verification.Verified(header, envelope, signers, flags);
  }

  /** Valid signatures by keys in force, one per key, in envelope order. */
  private List<VerifiedSigner> signers() {
    Map<String, VerifiedSigner> byKey = new LinkedHashMap<>();
    for (SignatureCheck check : checks) {
      if (check.status() == Status.VALID) {
        Partner partner = registered(check).partner();
        byKey.putIfAbsent(
            check.keyid(),
            new VerifiedSigner(
                check.index(), new KeyId(check.keyid()), partner.partnerId(), partner.roles()));
      }
    }
    return List.copyOf(byKey.values());
  }

  private Rejected unknownKey(SignatureCheck check) {
    String detail =
        check.keyid() == null
            ? "signature " + check.index() + " has no keyid"
            : "signature " + check.index() + " names no registered key: " + check.keyid();
    return rejected(RejectionReason.UNKNOWN_KEY, sigField(check, "keyid"), check, detail);
  }

  private Optional<SignatureCheck> first(Status status) {
    return checks.stream().filter(c -> c.status() == status).findFirst();
  }

  private RegisteredKey registered(SignatureCheck check) {
    return directory.key(check.keyid()).orElseThrow();
  }

  private static String sigField(SignatureCheck check, String name) {
    return "/signatures/" + check.index() + "/" + name;
  }

  private Rejected rejected(
      RejectionReason reason, String field, SignatureCheck check, String detail) {
    Integer index = check == null ? null : check.index();
    String keyId = check == null ? null : check.keyid();
    return new Rejected(reason, field, index, keyId, detail, header);
  }
}
