package io.sealtrail.ingest.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.Submission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The submission an inbound record becomes: receipt time the producer cannot forge, stable id. */
class InboundRoutingTest {
  private static final Instant APPENDED = Instant.parse("2026-11-21T08:00:00Z");
  private static final Instant ROUTED = APPENDED.plusSeconds(2);
  private static final Instant FORGED = Instant.parse("2001-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(ROUTED, ZoneOffset.UTC);

  @Test
  void shouldTakeReceiptTimeFromTheBrokerWhenTopicAppendsTimestamps() {
    var record = inbound(APPENDED, TimestampType.LOG_APPEND_TIME);

    Submission submission = InboundRouting.submission(record, CLOCK);

    assertThat(submission.receivedAt()).isEqualTo(APPENDED);
    assertThat(submission.channel()).isEqualTo(Channel.KAFKA);
    assertThat(submission.source()).isEqualTo("custody.inbound-2@40");
  }

  @Test
  void shouldIgnoreTheProducerTimestampWhenTopicLetsProducersSetIt() {
    var record = inbound(FORGED, TimestampType.CREATE_TIME);

    Submission submission = InboundRouting.submission(record, CLOCK);

    assertThat(submission.receivedAt()).isEqualTo(ROUTED);
  }

  @Test
  void shouldGiveTheSameIdWhenTheSameRecordIsRoutedAgain() {
    var record = inbound(APPENDED, TimestampType.LOG_APPEND_TIME);

    Submission first = InboundRouting.submission(record, CLOCK);
    Submission again = InboundRouting.submission(record, CLOCK);

    assertThat(again.submissionId()).isEqualTo(first.submissionId());
  }

  private static ConsumerRecord<String, byte[]> inbound(Instant timestamp, TimestampType type) {
    return new ConsumerRecord<>(
        "custody.inbound",
        2,
        40L,
        timestamp.toEpochMilli(),
        type,
        0,
        0,
        "DEV-1",
        new byte[] {'{', '}'},
        new RecordHeaders(),
        Optional.empty());
  }
}
