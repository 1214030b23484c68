package io.sealtrail.ingest.submission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The wire form of a submission on {@code custody.ingest.submissions}: the original bytes as the
 * value, what the door recorded as headers, keyed by {@link RoutingKey}.
 */
public final class SubmissionRecords {
  static final String ID = "sealtrail.submission.id";
  static final String CHANNEL = "sealtrail.submission.channel";
  static final String RECEIVED_AT = "sealtrail.submission.receivedAt";
  static final String SOURCE = "sealtrail.submission.source";
  static final String CAPTURE = "sealtrail.submission.capture";

  private SubmissionRecords() {}

  /** The record that carries {@code submission} to the verifier. */
  public static ProducerRecord<String, byte[]> toRecord(String topic, Submission submission) {
    var record = new ProducerRecord<>(topic, RoutingKey.of(submission), submission.envelope());
    Headers headers = record.headers();
    headers.add(ID, utf8(submission.submissionId()));
    headers.add(CHANNEL, utf8(submission.channel().name()));
    headers.add(RECEIVED_AT, utf8(Long.toString(submission.receivedAt().toEpochMilli())));
    if (submission.source() != null) {
      headers.add(SOURCE, utf8(submission.source()));
    }
    if (submission.capture() != null) {
      headers.add(CAPTURE, utf8(submission.capture().encode()));
    }
    return record;
  }

  /** The submission a record carries; throws for a record no door of ours wrote. */
  public static Submission fromRecord(ConsumerRecord<String, byte[]> record) {
    Headers headers = record.headers();
    return new Submission(
        required(headers, ID),
        record.value() == null ? new byte[0] : record.value(),
        Channel.valueOf(required(headers, CHANNEL)),
        Instant.ofEpochMilli(Long.parseLong(required(headers, RECEIVED_AT))),
        optional(headers, SOURCE),
        capture(headers));
  }

  private static CaptureItem capture(Headers headers) {
    String value = optional(headers, CAPTURE);
    return value == null ? null : CaptureItem.decode(value);
  }

  private static String required(Headers headers, String name) {
    String value = optional(headers, name);
    if (value == null) {
      throw new IllegalArgumentException("submission record has no header " + name);
    }
    return value;
  }

  private static String optional(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
