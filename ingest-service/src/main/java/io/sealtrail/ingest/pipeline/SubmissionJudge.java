package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.event.EventReader;
import io.sealtrail.ingest.event.EventReading;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.Verification;
import io.sealtrail.trust.policy.MaxEventAge;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The checks every submission passes before deduplication, in order, the first failure giving the
 * reason: authenticity and authority (trust), the event schema, then clock skew and event age (the
 * policy's bound for the event's type).
 */
final class SubmissionJudge {
  private final SubmissionVerifier verifier;
  private final EventReader reader = new EventReader();
  private final ClockSkew clockSkew;
  private final Supplier<MaxEventAge> maxEventAge;
  private final IngestListener listener;

  SubmissionJudge(SubmissionVerifier verifier, ClockSkew clockSkew) {
    this(verifier, clockSkew, verifier.policy().maxEventAge(), IngestListener.NONE);
  }

  SubmissionJudge(
      SubmissionVerifier verifier,
      ClockSkew clockSkew,
      MaxEventAge maxEventAge,
      IngestListener listener) {
    this(verifier, clockSkew, () -> maxEventAge, listener);
  }

  /** A judge whose event age bounds are read as each submission is judged (runtime policy). */
  SubmissionJudge(
      SubmissionVerifier verifier,
      ClockSkew clockSkew,
      Supplier<MaxEventAge> maxEventAge,
      IngestListener listener) {
    this.verifier = verifier;
    this.clockSkew = clockSkew;
    this.maxEventAge = maxEventAge;
    this.listener = listener;
  }

  /** Judges a submission read once; reads nothing from its bytes again. */
  Judgement judge(ParsedSubmission parsed) {
    Submission submission = parsed.submission();
    long start = System.nanoTime();
    Verification verification = verifier.verify(parsed.envelope(), submission.receivedAt());
    listener.verified(Duration.ofNanos(System.nanoTime() - start));
    return verification.fold(
        verified -> read(verified, parsed),
        rejected -> Rejection.of(rejected, parsed.firstKeyId()));
  }

  /**
   * A carried event that cannot be read (an EPCIS event no custody event means): the envelope's own
   * rejection when it is not authentic, else {@code refusal}. A forged document learns nothing of
   * how its content would have been judged.
   */
  Rejection refuse(ParsedSubmission bare, Rejection refusal) {
    long start = System.nanoTime();
    var rejected = verifier.signaturesRejected(bare.envelope(), bare.submission().receivedAt());
    listener.verified(Duration.ofNanos(System.nanoTime() - start));
    return rejected.map(r -> Rejection.of(r, bare.firstKeyId())).orElse(refusal);
  }

  private Judgement read(Verification.Verified verified, ParsedSubmission parsed) {
    Submission submission = parsed.submission();
    byte[] payload = verified.envelope().payload();
    // Verified means the header was read, so the payload is a JSON object: read on from it.
    EventReading reading = reader.read(parsed.envelope().payload().orElseThrow());
    Claim claim = Claim.of(verified.header(), Judgement.firstSignerKeyId(verified));
    if (reading instanceof EventReading.Malformed malformed) {
      return new Rejection(
          RejectionReason.MALFORMED_EVENT, "/payload", null, malformed.message(), claim);
    }
    if (reading instanceof EventReading.Violation violation) {
      return new Rejection(
          RejectionReason.SCHEMA_VIOLATION,
          "/payload" + violation.pointer(),
          null,
          violation.message(),
          claim);
    }
    var event = ((EventReading.Read) reading).event();
    Instant occurredAt = event.getOccurredAt();
    Instant receivedAt = submission.receivedAt();
    return clockSkew
        .violation(occurredAt, receivedAt)
        .map(detail -> occurredAt(RejectionReason.CLOCK_SKEW, detail, claim))
        .or(
            () ->
                maxEventAge
                    .get()
                    .violation(event.getType(), occurredAt, receivedAt)
                    .map(detail -> occurredAt(RejectionReason.TOO_OLD, detail, claim)))
        .<Judgement>map(rejection -> rejection)
        .orElseGet(() -> new Judgement.Authentic(verified, event, sha256Hex(payload)));
  }

  private static Rejection occurredAt(RejectionReason reason, String detail, Claim claim) {
    return new Rejection(reason, "/payload/occurredAt", null, detail, claim);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
