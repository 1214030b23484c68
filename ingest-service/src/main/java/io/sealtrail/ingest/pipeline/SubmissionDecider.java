package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.dedup.DedupVerdict;
import io.sealtrail.ingest.kafka.SendTimer;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.RoutingKey;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionRecords;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Decides one submission and sends what it leads to: an event to {@code custody.events} when it is
 * authentic and new, a record to {@code custody.rejected} when it is refused, nothing for a
 * duplicate.
 */
final class SubmissionDecider {
  private final SubmissionJudge judge;
  private final ResendLookup resends;
  private final OutputSerializers serializers;
  private final String eventsTopic;
  private final String rejectedTopic;
  private final IngestListener listener;

  SubmissionDecider(
      SubmissionJudge judge,
      ResendLookup resends,
      OutputSerializers serializers,
      String eventsTopic,
      String rejectedTopic,
      IngestListener listener) {
    this.judge = judge;
    this.resends = resends;
    this.listener = listener;
    this.serializers = serializers;
    this.eventsTopic = eventsTopic;
    this.rejectedTopic = rejectedTopic;
  }

  Decision decide(
      ConsumerRecord<String, byte[]> record, BatchDedup dedup, Producer<String, byte[]> producer) {
    Submission submission;
    try {
      submission = SubmissionRecords.fromRecord(record);
    } catch (IllegalArgumentException e) {
      return foreign(record, e.getMessage(), producer);
    }
    Optional<ResendLookup.Resend> resend =
        resends.find(submission, record.key(), record.partition(), dedup);
    if (resend.isPresent()) {
      return resent(submission, resend.get(), producer);
    }
    Judgement judgement = judge.judge(submission);
    if (judgement instanceof Rejection rejection) {
      return reject(submission, rejection, producer);
    }
    var authentic = (Judgement.Authentic) judgement;
    if (!authentic.event().getPartnerId().equals(record.key())) {
      return reject(submission, Rejection.misrouted(authentic, record.key()), producer);
    }
    return deduplicate(submission, record.partition(), authentic, dedup, producer);
  }

  /** An authentic resend of a known identity: its verdict stands whatever changed since. */
  private Decision resent(
      Submission submission, ResendLookup.Resend resend, Producer<String, byte[]> producer) {
    BatchDedup.Known known = resend.known();
    String partnerId = resend.header().partnerId();
    String eventId = resend.header().eventId();
    if (DedupVerdict.of(Optional.of(known.payloadSha256()), resend.payloadSha256())
        == DedupVerdict.DUPLICATE) {
      return new Decision.Duplicate(submission, partnerId, eventId, known.position());
    }
    String keyId = RoutingKey.firstKeyId(submission.envelope()).orElse(null);
    return reject(
        submission,
        Rejection.replay(partnerId, eventId, Claim.of(resend.header(), keyId)),
        producer);
  }

  private Decision deduplicate(
      Submission submission,
      int partition,
      Judgement.Authentic authentic,
      BatchDedup dedup,
      Producer<String, byte[]> producer) {
    Optional<BatchDedup.Known> known = dedup.find(partition, authentic.dedupKey());
    DedupVerdict verdict =
        DedupVerdict.of(known.map(BatchDedup.Known::payloadSha256), authentic.payloadSha256());
    String eventId = authentic.event().getEventId();
    if (verdict == DedupVerdict.DUPLICATE) {
      return new Decision.Duplicate(
          submission, authentic.event().getPartnerId(), eventId, known.orElseThrow().position());
    }
    if (verdict == DedupVerdict.REPLAY) {
      return reject(submission, Rejection.replay(authentic), producer);
    }
    return accept(submission, partition, authentic, dedup, producer);
  }

  private Decision accept(
      Submission submission,
      int partition,
      Judgement.Authentic authentic,
      BatchDedup dedup,
      Producer<String, byte[]> producer) {
    var value = AvroMapping.verifiedEvent(authentic, submission);
    var event =
        new ProducerRecord<>(
            eventsTopic,
            authentic.event().getSubject(),
            serializers.events().serialize(eventsTopic, value));
    var accepted =
        new Decision.Accepted(
            submission,
            authentic.event().getPartnerId(),
            partition,
            authentic.dedupKey(),
            authentic.event().getEventId(),
            authentic.payloadSha256(),
            send(producer, event));
    dedup.add(accepted);
    return accepted;
  }

  private Decision reject(
      Submission submission, Rejection rejection, Producer<String, byte[]> producer) {
    var value = AvroMapping.rejectedSubmission(rejection, submission);
    var record =
        new ProducerRecord<String, byte[]>(
            rejectedTopic,
            rejection.claim().recordKey(),
            serializers.rejected().serialize(rejectedTopic, value));
    send(producer, record);
    return new Decision.Rejected(submission, rejection);
  }

  private Future<RecordMetadata> send(
      Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
    return producer.send(record, SendTimer.start(record.topic(), listener));
  }

  /** A record no ingest door wrote: refused, so that even it ends with an answer. */
  private Decision foreign(
      ConsumerRecord<String, byte[]> record, String why, Producer<String, byte[]> producer) {
    String source = record.topic() + "-" + record.partition() + "@" + record.offset();
    var submission =
        new Submission(
            "foreign-" + source,
            record.value() == null ? new byte[0] : record.value(),
            Channel.KAFKA,
            Instant.ofEpochMilli(record.timestamp()),
            source);
    return reject(submission, Rejection.foreign(why), producer);
  }
}
