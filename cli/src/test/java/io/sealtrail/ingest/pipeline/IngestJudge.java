package io.sealtrail.ingest.pipeline;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionParser;
import io.sealtrail.trust.SubmissionVerifier;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Ingest's own checks and mapping, reached from the cli's tests (same package, test classpath): an
 * envelope becomes the {@code custody.events} value ingest would write, or the reason it refuses.
 */
public final class IngestJudge {
  private final SubmissionJudge judge;

  public IngestJudge(SubmissionVerifier verifier) {
    this.judge = new SubmissionJudge(verifier, new ClockSkew(ClockSkew.DEFAULT_BOUND));
  }

  /** Hands the accepted value to {@code accepted}, or the rejection reason to {@code rejected}. */
  public void judge(
      byte[] envelopeJson,
      Instant receivedAt,
      Consumer<VerifiedEvent> accepted,
      Consumer<String> rejected) {
    Submission submission = Submission.http(envelopeJson, receivedAt, "test");
    Judgement judgement = judge.judge(SubmissionParser.STRICT.parse(submission));
    if (judgement instanceof Judgement.Authentic authentic) {
      accepted.accept(AvroMapping.verifiedEvent(authentic, submission));
    } else {
      rejected.accept(((Rejection) judgement).reason().name());
    }
  }
}
