package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.kafka.SendTimer;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.Submission;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the verifier sends what a {@link Decision} leads to: an event to {@code
 * custody.events} keyed by subject, a rejection to {@code custody.rejected} keyed by the claimed
 * partner (else key), nothing for a duplicate. An accepted event joins the batch's dedup overlay at
 * once, so a later submission of the same batch meets it.
 */
final class DecisionWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionWriter.class);
  private final OutputSerializers serializers;
  private final String eventsTopic;
  private final String rejectedTopic;
  private final IngestListener listener;

  DecisionWriter(
      OutputSerializers serializers,
      String eventsTopic,
      String rejectedTopic,
      IngestListener listener) {
    this.serializers = serializers;
    this.eventsTopic = eventsTopic;
    this.rejectedTopic = rejectedTopic;
    this.listener = listener;
  }

  Written write(Decision decision, BatchDedup dedup, Producer<String, byte[]> producer) {
    return write(decision, null, dedup, producer);
  }

  /**
   * Sends what {@code decision} leads to; an accepted event's record is {@code encoded} when that
   * is the encoding of this very decision's event (done ahead on the pool), else encoded here.
   */
  Written write(
      Decision decision,
      EncodedEvent encoded,
      BatchDedup dedup,
      Producer<String, byte[]> producer) {
    if (decision instanceof Decision.Accept accept) {
      Written.Accepted accepted =
          accept(
              accept,
              encoded != null && encoded.of(accept)
                  ? encoded
                  : encode(accept.authentic(), accept.submission()),
              producer);
      dedup.add(accepted);
      return accepted;
    }
    if (decision instanceof Decision.Reject reject) {
      return reject(reject, producer);
    }
    return (Written.Duplicate) decision;
  }

  /**
   * The event record and receipt of {@code authentic}: the Avro {@code VerifiedEvent} with its
   * registry framing, and the receipt's leaf hash. Needs no dedup state, so the pool does it ahead.
   */
  EncodedEvent encode(Judgement.Authentic authentic, Submission submission) {
    var value = AvroMapping.verifiedEvent(authentic, submission);
    return new EncodedEvent(
        authentic,
        submission,
        authentic.event().getSubject(),
        serializers.events().serialize(eventsTopic, value),
        Receipts.of(authentic, submission));
  }

  /**
   * {@link #encode} on the pool, ahead of the decision, or null when it fails: the loop thread then
   * encodes in the record's turn and meets the failure there, inside the transaction (a Kafka error
   * such as an unreachable registry aborts and rereads the batch), and only if the event is
   * accepted, exactly as without encoding ahead.
   */
  EncodedEvent encodeAhead(Judgement.Authentic authentic, Submission submission) {
    try {
      return encode(authentic, submission);
    } catch (RuntimeException e) {
      // One line, at debug: the loop meets the same failure in the record's turn and reports it.
      LOG.debug("Encoding ahead failed, the record's turn encodes it: {}", e.toString());
      return null;
    }
  }

  private Written.Accepted accept(
      Decision.Accept accept, EncodedEvent encoded, Producer<String, byte[]> producer) {
    Judgement.Authentic authentic = accept.authentic();
    var event = new ProducerRecord<>(eventsTopic, encoded.subject(), encoded.value());
    return new Written.Accepted(
        accept.submission(),
        authentic.event().getPartnerId(),
        accept.partition(),
        authentic.dedupKey(),
        authentic.event().getEventId(),
        authentic.payloadSha256(),
        encoded.receipt(),
        send(producer, event));
  }

  private Written.Rejected reject(Decision.Reject reject, Producer<String, byte[]> producer) {
    Rejection rejection = reject.rejection();
    var value = AvroMapping.rejectedSubmission(rejection, reject.submission());
    var record =
        new ProducerRecord<String, byte[]>(
            rejectedTopic,
            rejection.claim().recordKey(),
            serializers.rejected().serialize(rejectedTopic, value));
    send(producer, record);
    return new Written.Rejected(reject.submission(), rejection);
  }

  private Future<RecordMetadata> send(
      Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
    return producer.send(record, SendTimer.start(record.topic(), listener));
  }
}
