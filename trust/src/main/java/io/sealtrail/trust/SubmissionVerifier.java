package io.sealtrail.trust;

import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import java.time.Instant;
import java.util.Objects;
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

  private final Supplier<PartnerDirectory> directory;
  private final Policy policy;

  public SubmissionVerifier(Supplier<PartnerDirectory> directory, Policy policy) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Verifies a JSON envelope exactly as received. */
  public Verification verify(byte[] envelopeJson, Instant receivedAt) {
    Envelope envelope;
    try {
      envelope = EnvelopeJson.read(envelopeJson);
    } catch (MalformedEnvelopeException e) {
      return new Verification.Rejected(
          RejectionReason.MALFORMED_ENVELOPE, pointer(e.field()), null, null, e.getMessage(), null);
    }
    return verify(envelope, receivedAt);
  }

  /** Verifies a decoded envelope received at {@code receivedAt}. */
  public Verification verify(Envelope envelope, Instant receivedAt) {
    SubmissionCheck check = new SubmissionCheck(envelope, receivedAt, directory.get(), policy);
    return check
        .badSignature()
        .or(check::keyNotInForce)
        .or(check::noRegisteredSigner)
        .or(check::unreadablePayload)
        .or(check::partnerDidNotSign)
        .or(check::notAuthorised)
        .or(check::belowThreshold)
        .<Verification>map(rejected -> rejected)
        .orElseGet(check::verified);
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
