package io.sealtrail.ingest.route;

import io.sealtrail.ingest.kafka.BatchHandler;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.record.TimestampType;

/**
 * Turns each record a partner produced to {@code custody.inbound} into a submission on the
 * submissions topic, re-keyed by its partner (see {@code RoutingKey}) so that its dedup owner sees
 * it, with the original bytes unchanged.
 */
final class InboundRouting implements BatchHandler {
  private final String submissionsTopic;
  private final Clock clock;

  InboundRouting(String submissionsTopic, Clock clock) {
    this.submissionsTopic = submissionsTopic;
    this.clock = clock;
  }

  @Override
  public void process(
      List<ConsumerRecord<String, byte[]>> records, Producer<String, byte[]> producer) {
    for (ConsumerRecord<String, byte[]> record : records) {
      producer.send(SubmissionRecords.toRecord(submissionsTopic, submission(record, clock)));
    }
  }

  /**
   * The submission an inbound record carries. Its id is derived from its position, so a batch
   * routed again after an abort keeps its ids.
   */
  static Submission submission(ConsumerRecord<String, byte[]> record, Clock clock) {
    String source = record.topic() + "-" + record.partition() + "@" + record.offset();
    String id = UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString();
    byte[] envelope = record.value() == null ? new byte[0] : record.value();
    return new Submission(id, envelope, Channel.KAFKA, receivedAt(record, clock), source);
  }

  /** The broker's append time; a producer-set timestamp is not trusted. */
  private static Instant receivedAt(ConsumerRecord<String, byte[]> record, Clock clock) {
    if (record.timestampType() == TimestampType.LOG_APPEND_TIME) {
      return Instant.ofEpochMilli(record.timestamp());
    }
    return clock.instant();
  }
}
