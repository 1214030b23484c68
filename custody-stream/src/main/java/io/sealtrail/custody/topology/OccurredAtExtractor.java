package io.sealtrail.custody.topology;

import io.sealtrail.avro.event.VerifiedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for custody events: when the event says it happened, so that the grace and the release
 * of held violations follow the events rather than their arrival.
 */
public final class OccurredAtExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof VerifiedEvent verified) {
      return verified.getEvent().getOccurredAt().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
