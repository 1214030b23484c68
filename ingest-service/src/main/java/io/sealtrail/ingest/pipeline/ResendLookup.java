package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.event.EventHeader;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the dedup entry of an authentic submission before revocation and policy are judged. A retry
 * of an accepted event whose reply was lost must stay a duplicate after its key was revoked or the
 * policy changed: the event is on custody.events, and a rejection would be false and feed rejection
 * spikes. Authentic here means signed by a registered key of the claimed partner, whatever its
 * standing; only an identity already accepted is looked at, so nothing new gets past the judge.
 */
final class ResendLookup {
  /** An authentic submission of an identity already accepted, with its own payload hash. */
  record Resend(EventHeader header, String payloadSha256, BatchDedup.Known known) {}

  private final SubmissionVerifier verifier;
  private final IngestListener listener;

  ResendLookup(SubmissionVerifier verifier, IngestListener listener) {
    this.verifier = verifier;
    this.listener = listener;
  }

  /**
   * The resend {@code submission} is, if its identity is known on {@code partition}. {@code
   * judgement} is the judge's on the same submission: when it is authentic, the envelope is signed
   * by the claimed partner's key and is not verified a second time (one verification per
   * submission, as the verification timer counts them).
   */
  Optional<Resend> find(
      ParsedSubmission parsed,
      String routingKey,
      int partition,
      DedupView dedup,
      Judgement judgement) {
    Optional<Envelope> envelope = parsed.envelope().envelope();
    if (envelope.isEmpty()) {
      return Optional.empty();
    }
    // The dedup lookup is cheap and usually empty: only then is a signature verified again.
    Optional<BatchDedup.Known> known =
        parsed
            .envelope()
            .claimed()
            .filter(claimed -> claimed.partnerId().equals(routingKey))
            .flatMap(claimed -> dedup.find(partition, claimed.partnerId(), claimed.eventId()));
    if (known.isEmpty()) {
      return Optional.empty();
    }
    byte[] payload = envelope.get().payload();
    if (judgement instanceof Judgement.Authentic authentic) {
      return Optional.of(
          new Resend(
              authentic.verified().header(), authentic.payloadSha256(), known.orElseThrow()));
    }
    // A trust verification like the judge's, so the verification meter counts it too.
    long start = System.nanoTime();
    Optional<EventHeader> signed = verifier.signedByClaimedPartner(parsed.envelope());
    listener.verified(Duration.ofNanos(System.nanoTime() - start));
    return signed.map(
        header -> new Resend(header, SubmissionJudge.sha256Hex(payload), known.orElseThrow()));
  }
}
