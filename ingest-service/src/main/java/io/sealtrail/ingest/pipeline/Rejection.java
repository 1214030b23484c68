package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.Verification;
import java.util.Objects;

/**
 * A refused submission with everything both its reply and its {@code custody.rejected} record need.
 *
 * @param field JSON pointer of the offending field, or null
 * @param signatureIndex the offending signature's index, or null
 */
record Rejection(
    RejectionReason reason, String field, Integer signatureIndex, String detail, Claim claim)
    implements Judgement {

  Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(claim, "claim");
  }

  /** Trust's refusal, with the first signature's keyid when trust blames no key. */
  static Rejection of(Verification.Rejected rejected, String firstKeyId) {
    String keyId = rejected.keyId() != null ? rejected.keyId() : firstKeyId;
    return new Rejection(
        rejected.reason(),
        rejected.field(),
        rejected.signatureIndex(),
        rejected.detail(),
        Claim.of(rejected.claimed(), keyId));
  }

  /** Other content under an eventId already accepted: a replay, never a retry. */
  static Rejection replay(Judgement.Authentic authentic) {
    return replay(
        authentic.event().getPartnerId(), authentic.event().getEventId(), authentic.claim());
  }

  static Rejection replay(String partnerId, String eventId, Claim claim) {
    String detail =
        "eventId "
            + eventId
            + " of partner "
            + partnerId
            + " was accepted before with other content; a retry must resend the same bytes";
    return new Rejection(RejectionReason.REPLAY, "/payload/eventId", null, detail, claim);
  }

  /**
   * The doors key a submission by the partner its payload claims; a record whose key is another
   * partner's reached a partition that does not own its dedup identity, so it must not be accepted
   * here.
   */
  static Rejection misrouted(Judgement.Authentic authentic, String routingKey) {
    String detail =
        "payload partner "
            + authentic.event().getPartnerId()
            + " is not the submission's routing key ("
            + routingKey
            + ")";
    return new Rejection(
        RejectionReason.MALFORMED_EVENT, "/payload", null, detail, authentic.claim());
  }

  /** A record on the submissions topic that no ingest door wrote. */
  static Rejection foreign(String why) {
    return new Rejection(
        RejectionReason.MALFORMED_ENVELOPE,
        null,
        null,
        why,
        new Claim(null, null, null, null, null));
  }

  SubmissionResult.Rejected result() {
    return new SubmissionResult.Rejected(reason, field, signatureIndex, detail);
  }
}
