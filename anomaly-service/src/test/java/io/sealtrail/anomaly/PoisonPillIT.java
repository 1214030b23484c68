package io.sealtrail.anomaly;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One bad record cannot stop the service: a record that is not Avro, or a tombstone, on any input
 * goes to the dead-letter topic, the records after it are processed, and a restart does not meet it
 * again.
 */
class PoisonPillIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  @Test
  void shouldSendEveryPoisonPillToTheDeadLetterTopicAndProcessTheNextRecord() throws Exception {
    try (AnomalyHarness harness = new AnomalyHarness(KAFKA)) {
      awaitRunning(harness);
      AnomalyTopics topics = harness.topics();
      for (String input :
          List.of(topics.violations().name(), topics.events().name(), topics.rejected().name())) {
        harness.sendRaw(input, "garbage", "not avro".getBytes(StandardCharsets.UTF_8));
        harness.sendRaw(input, "tombstone", null);
      }

      harness.send(violation(AlertType.SEAL_BROKEN, "DEV-AFTER", T0).build());

      List<Alert> alerts = harness.alerts(a -> !a.isEmpty(), Duration.ofSeconds(30));
      assertThat(alerts).extracting(a -> a.getSubject().getId()).containsExactly("DEV-AFTER");
      List<ConsumerRecord<String, byte[]>> dead =
          harness.read(deadLetterTopic(harness), r -> r.size() >= 6, Duration.ofSeconds(30));
      assertThat(dead)
          .extracting(r -> r.key() + (r.value() == null ? " (tombstone)" : " " + text(r)))
          .containsExactlyInAnyOrder(
              "garbage not avro",
              "tombstone (tombstone)",
              "garbage not avro",
              "tombstone (tombstone)",
              "garbage not avro",
              "tombstone (tombstone)");
      assertThat(harness.node().state()).isEqualTo(KafkaStreams.State.RUNNING);

      harness.restart();
      awaitRunning(harness);
      harness.send(violation(AlertType.SEAL_BROKEN, "DEV-RESTARTED", T0).build());

      assertThat(harness.alerts(a -> a.size() >= 2, Duration.ofSeconds(30)))
          .extracting(a -> a.getSubject().getId())
          .containsExactly("DEV-AFTER", "DEV-RESTARTED");
      assertThat(harness.read(deadLetterTopic(harness), r -> false, Duration.ofSeconds(1)))
          .hasSize(6);
    }
  }

  private static String deadLetterTopic(AnomalyHarness harness) {
    return harness.topics().deadLetters().name();
  }

  private static String text(ConsumerRecord<String, byte[]> r) {
    return new String(r.value(), StandardCharsets.UTF_8);
  }

  static void awaitRunning(AnomalyHarness harness) throws InterruptedException {
    Eventually.await(
        () -> harness.node().state(),
        state -> state == KafkaStreams.State.RUNNING,
        "anomaly streams running");
  }
}
