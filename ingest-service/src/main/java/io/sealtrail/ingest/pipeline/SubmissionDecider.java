package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.dedup.DedupVerdict;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionParser;
import io.sealtrail.ingest.submission.SubmissionRecords;
import io.sealtrail.trust.SubmissionVerifier;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decides one submission: accept it (authentic and new), answer it as a duplicate, or reject it.
 * The submission is parsed once, here, and that one value is what the resend lookup, trust and the
 * schema read. It returns the decision as a value; {@link DecisionWriter} sends it.
 */
final class SubmissionDecider {
  private final SubmissionParser parser;
  private final SubmissionJudge judge;
  private final ResendLookup resends;
  private final CaptureReading captures = new CaptureReading();

  SubmissionDecider(SubmissionParser parser, SubmissionJudge judge, ResendLookup resends) {
    this.parser = parser;
    this.judge = judge;
    this.resends = resends;
  }

  /**
   * The decider of this ingest's configuration: the verifier's records and the dry runs decide
   * through the same one, so they answer alike (clock skew, each type's maximum age).
   */
  static SubmissionDecider of(
      IngestConfig config, SubmissionVerifier verifier, IngestListener listener) {
    var judge =
        new SubmissionJudge(
            verifier,
            new ClockSkew(config.clockSkew()),
            // The policy in force when each submission is judged, its default bound the config's.
            () -> verifier.policy().maxEventAge().withDefault(config.maxEventAge()),
            listener);
    return new SubmissionDecider(
        SubmissionParser.STRICT, judge, new ResendLookup(verifier, listener));
  }

  /** Decides {@code record} against the batch's dedup state, which it only reads. */
  Decision decide(ConsumerRecord<String, byte[]> record, BatchDedup dedup) {
    Submission submission;
    try {
      submission = SubmissionRecords.fromRecord(record);
    } catch (IllegalArgumentException e) {
      return foreign(record, e.getMessage());
    }
    return decide(submission, record.key(), record.partition(), dedup);
  }

  /**
   * Decides {@code submission}, routed with {@code routingKey} to submissions partition {@code
   * partition}, against {@code dedup}, which it only reads. The verifier's records come here, and
   * so do the dry runs of {@code POST /v1/events?dryRun=true}, which must answer exactly alike.
   */
  Decision decide(Submission submission, String routingKey, int partition, DedupView dedup) {
    if (submission.capture() != null) {
      return decideCaptured(routingKey, partition, dedup, captures.read(submission));
    }
    return decideParsed(routingKey, partition, dedup, parser.parse(submission));
  }

  /**
   * One event of an EPCIS capture: judged as the custody event it means, carried by the document
   * the partner signed; its rejection points into the EPCIS document.
   */
  private Decision decideCaptured(
      String routingKey, int partition, DedupView dedup, CaptureReading.Read read) {
    if (read instanceof CaptureReading.Refused refused) {
      return new Decision.Reject(
          refused.parsed().submission(), judge.refuse(refused.parsed(), refused.refusal()));
    }
    var carried = (CaptureReading.Carried) read;
    Decision decision = decideParsed(routingKey, partition, dedup, carried.parsed());
    if (decision instanceof Decision.Reject reject) {
      return new Decision.Reject(
          reject.submission(), CapturePointers.intoDocument(reject.rejection(), carried));
    }
    return decision;
  }

  private Decision decideParsed(
      String routingKey, int partition, DedupView dedup, ParsedSubmission parsed) {
    Submission submission = parsed.submission();
    Optional<ResendLookup.Resend> resend = resends.find(parsed, routingKey, partition, dedup);
    if (resend.isPresent()) {
      return resent(parsed, resend.get());
    }
    Judgement judgement = judge.judge(parsed);
    if (judgement instanceof Rejection rejection) {
      return new Decision.Reject(submission, rejection);
    }
    var authentic = (Judgement.Authentic) judgement;
    if (!authentic.event().getPartnerId().equals(routingKey)) {
      // The doors key by the partner the same reading claims; a record keyed otherwise was not
      // written by them, and its partition does not own the event's dedup identity.
      return new Decision.Reject(submission, Rejection.misrouted(authentic, routingKey));
    }
    return deduplicate(submission, partition, authentic, dedup);
  }

  /** An authentic resend of a known identity: its verdict stands whatever changed since. */
  private Decision resent(ParsedSubmission parsed, ResendLookup.Resend resend) {
    BatchDedup.Known known = resend.known();
    String partnerId = resend.header().partnerId();
    String eventId = resend.header().eventId();
    if (DedupVerdict.of(Optional.of(known.payloadSha256()), resend.payloadSha256())
        == DedupVerdict.DUPLICATE) {
      return new Written.Duplicate(
          parsed.submission(), partnerId, eventId, resend.payloadSha256(), known.position());
    }
    return new Decision.Reject(
        parsed.submission(),
        Rejection.replay(partnerId, eventId, Claim.of(resend.header(), parsed.firstKeyId())));
  }

  private Decision deduplicate(
      Submission submission, int partition, Judgement.Authentic authentic, DedupView dedup) {
    Optional<BatchDedup.Known> known =
        dedup.find(partition, authentic.event().getPartnerId(), authentic.event().getEventId());
    DedupVerdict verdict =
        DedupVerdict.of(known.map(BatchDedup.Known::payloadSha256), authentic.payloadSha256());
    if (verdict == DedupVerdict.DUPLICATE) {
      return new Written.Duplicate(
          submission,
          authentic.event().getPartnerId(),
          authentic.event().getEventId(),
          authentic.payloadSha256(),
          known.orElseThrow().position());
    }
    if (verdict == DedupVerdict.REPLAY) {
      return new Decision.Reject(submission, Rejection.replay(authentic));
    }
    return new Decision.Accept(submission, partition, authentic);
  }

  /** A record no ingest door wrote: refused, so that even it ends with an answer. */
  private static Decision foreign(ConsumerRecord<String, byte[]> record, String why) {
    String source = record.topic() + "-" + record.partition() + "@" + record.offset();
    var submission =
        new Submission(
            "foreign-" + source,
            record.value() == null ? new byte[0] : record.value(),
            Channel.KAFKA,
            Instant.ofEpochMilli(record.timestamp()),
            source);
    return new Decision.Reject(submission, Rejection.foreign(why));
  }
}
