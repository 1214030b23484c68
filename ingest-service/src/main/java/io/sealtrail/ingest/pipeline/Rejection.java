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

  SubmissionResult.Rejected result() {
    return new SubmissionResult.Rejected(reason, field, signatureIndex, detail);
  }
}
