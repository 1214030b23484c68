package io.sealtrail.ingest.pipeline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/** Where an accepted event sits on {@code custody.events}. */
record EventPosition(int partition, long offset) {

  /**
   * The position of a send that has completed (after a flush). A failed send rethrows its Kafka
   * error, which aborts the transaction.
   */
  static EventPosition of(Future<RecordMetadata> sent) {
    try {
      RecordMetadata metadata = sent.get();
      return new EventPosition(metadata.partition(), metadata.offset());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaException kafka) {
        throw kafka;
      }
      throw new KafkaException("send to custody.events failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while waiting for custody.events", e);
    }
  }
}
