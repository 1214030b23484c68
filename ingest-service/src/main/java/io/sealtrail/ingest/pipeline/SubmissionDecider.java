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
 * schema read. Deciding is two steps: {@link #examine} does all that needs no dedup state (parse,
 * trust, schema, time: nearly all the work, on any thread), {@link #decide(Examined, DedupView)}
 * the rest in the record's turn. It returns the decision as a value; {@link DecisionWriter} sends
 * it.
 */
final class SubmissionDecider {
  private final SubmissionParser parser;
  private final SubmissionJudge judge;
  private final ResendLookup resends;
  // Each thread keeps its own last capture document read (CaptureReading is not thread-safe).
  private final ThreadLocal<CaptureReading> captures = ThreadLocal.withInitial(CaptureReading::new);

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
    return decide(examine(record), dedup);
  }

  /**
   * Decides {@code submission}, routed with {@code routingKey} to submissions partition {@code
   * partition}, against {@code dedup}, which it only reads. The verifier's records come here, and
   * so do the dry runs of {@code POST /v1/events?dryRun=true}, which must answer exactly alike.
   */
  Decision decide(Submission submission, String routingKey, int partition, DedupView dedup) {
    return decide(examine(submission, routingKey, partition), dedup);
  }

  /**
   * Everything about {@code record} that needs no dedup state: read once and judged (trust, schema,
   * time). Safe on any thread, so the verifier examines the records of a poll on its pool while it
   * gathers more (ADR 16); {@link #decide(Examined, DedupView)} finishes in the record's turn.
   */
  Examined examine(ConsumerRecord<String, byte[]> record) {
    Submission submission;
    try {
      submission = SubmissionRecords.fromRecord(record);
    } catch (IllegalArgumentException e) {
      return new Examined.Settled(foreign(record, e.getMessage()));
    }
    return examine(submission, record.key(), record.partition());
  }

  private Examined examine(Submission submission, String routingKey, int partition) {
    if (submission.capture() != null) {
      CaptureReading.Read read = captures.get().read(submission);
      if (read instanceof CaptureReading.Refused refused) {
        return new Examined.Settled(
            new Decision.Reject(
                refused.parsed().submission(), judge.refuse(refused.parsed(), refused.refusal())));
      }
      var carried = (CaptureReading.Carried) read;
      return new Examined.Judged(
          carried.parsed(), routingKey, partition, judge.judge(carried.parsed()), carried);
    }
    ParsedSubmission parsed = parser.parse(submission);
    return new Examined.Judged(parsed, routingKey, partition, judge.judge(parsed), null);
  }

  /**
   * The decision on {@code examined} against {@code dedup}, which it only reads: in the record's
   * turn, after every earlier record of the batch was decided.
   */
  Decision decide(Examined examined, DedupView dedup) {
    if (examined instanceof Examined.Settled settled) {
      return settled.decision();
    }
    var judged = (Examined.Judged) examined;
    Decision decision =
        decideParsed(
            judged.routingKey(), judged.partition(), dedup, judged.parsed(), judged.judgement());
    if (judged.carried() != null && decision instanceof Decision.Reject reject) {
      // One event of an EPCIS capture: its rejection points into the EPCIS document.
      return new Decision.Reject(
          reject.submission(), CapturePointers.intoDocument(reject.rejection(), judged.carried()));
    }
    return decision;
  }

  private Decision decideParsed(
      String routingKey,
      int partition,
      DedupView dedup,
      ParsedSubmission parsed,
      Judgement judgement) {
    Submission submission = parsed.submission();
    // A resend of an identity already accepted keeps its verdict, whatever the judge says now.
    Optional<ResendLookup.Resend> resend =
        resends.find(parsed, routingKey, partition, dedup, judgement);
    if (resend.isPresent()) {
      return resent(parsed, resend.get());
    }
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
