package io.sealtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertSubject;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.testing.Eventually;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AlertWatchTest {
  private static final TopicPartition ALERTS = new TopicPartition("custody.alerts", 0);
  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void shouldKeepEachAlertsLatestVersionWhenVersionsArrive() throws Exception {
    MockConsumer<String, Alert> consumer = assigned();
    try (AlertWatch watch = AlertWatch.following(consumer, CLOCK)) {
      consumer.schedulePollTask(
          () -> {
            consumer.addRecord(record(0, alert("A", 1)));
            consumer.addRecord(record(1, alert("B", 1)));
            consumer.addRecord(record(2, alert("A", 2)));
          });

      Eventually.await(watch::received, n -> n == 3, "three alert versions");

      assertThat(watch.seen())
          .extracting(s -> s.alert().getAlertId(), s -> s.alert().getCount(), s -> s.firstSeenAt())
          .containsExactly(tuple("A", 2L, NOW), tuple("B", 1L, NOW));
    }
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void shouldFailLoudlyWhenReadingTheTopicFails() throws Exception {
    MockConsumer<String, Alert> consumer = assigned();
    consumer.setPollException(new KafkaException("topic authorization revoked"));
    try (AlertWatch watch = AlertWatch.following(consumer, CLOCK)) {
      Eventually.await(consumer::closed, closed -> closed, "the watch's loop ending");

      assertThatThrownBy(watch::seen)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("reading the alert topic failed: topic authorization revoked");
    }
  }

  private static MockConsumer<String, Alert> assigned() {
    MockConsumer<String, Alert> consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(ALERTS));
    consumer.updateBeginningOffsets(Map.of(ALERTS, 0L));
    return consumer;
  }

  private static ConsumerRecord<String, Alert> record(long offset, Alert alert) {
    return new ConsumerRecord<>(ALERTS.topic(), 0, offset, alert.getAlertId(), alert);
  }

  private static Alert alert(String id, long count) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setType(AlertType.SEAL_BROKEN)
        .setSeverity(Severity.HIGH)
        .setStatus(AlertStatus.OPEN)
        .setSubject(new AlertSubject(SubjectKind.SERIAL, "DEV-1"))
        .setSummary("seal broken")
        .setFirstSeenAt(NOW)
        .setLastSeenAt(NOW)
        .setRaisedAt(NOW)
        .setCount(count)
        .setEvidence(List.of())
        .build();
  }
}
