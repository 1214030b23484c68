package io.sealtrail.custody.topology;

import io.sealtrail.avro.event.VerifiedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for custody events: when the event says it happened, so that the grace and the release
 * of held violations follow the events rather than their arrival. Never negative: an event said to
 * have happened before 1970 gets the record's or the partition's time, and is then refused by
 * {@link io.sealtrail.custody.event.EventDetails#requireWellFormed} into the dead-letter topic.
 */
public final class OccurredAtExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long fallback = record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    if (record.value() instanceof VerifiedEvent verified) {
      long occurredAt = verified.getEvent().getOccurredAt().toEpochMilli();
      // Kafka Streams skips a record with a negative timestamp with only a WARN. One that happened
      // before 1970 goes on at a stand-in time instead, so that custody-events-well-formed sends it
      // to the dead-letter topic with its reason: nothing accepted is dropped silently.
      return occurredAt >= 0 ? occurredAt : fallback;
    }
    return fallback;
  }
}
