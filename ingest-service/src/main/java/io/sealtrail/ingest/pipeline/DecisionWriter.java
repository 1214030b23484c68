package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.kafka.SendTimer;
import io.sealtrail.ingest.metrics.IngestListener;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one place the verifier sends what a {@link Decision} leads to: an event to {@code
 * custody.events} keyed by subject, a rejection to {@code custody.rejected} keyed by the claimed
 * partner (else key), nothing for a duplicate. An accepted event joins the batch's dedup overlay at
 * once, so a later submission of the same batch meets it.
 */
final class DecisionWriter {
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
    if (decision instanceof Decision.Accept accept) {
      Written.Accepted accepted = accept(accept, producer);
      dedup.add(accepted);
      return accepted;
    }
    if (decision instanceof Decision.Reject reject) {
      return reject(reject, producer);
    }
    return (Written.Duplicate) decision;
  }

  private Written.Accepted accept(Decision.Accept accept, Producer<String, byte[]> producer) {
    Judgement.Authentic authentic = accept.authentic();
    var value = AvroMapping.verifiedEvent(authentic, accept.submission());
    var event =
        new ProducerRecord<>(
            eventsTopic,
            authentic.event().getSubject(),
            serializers.events().serialize(eventsTopic, value));
    return new Written.Accepted(
        accept.submission(),
        authentic.event().getPartnerId(),
        accept.partition(),
        authentic.dedupKey(),
        authentic.event().getEventId(),
        authentic.payloadSha256(),
        Receipts.of(authentic, accept.submission()),
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
