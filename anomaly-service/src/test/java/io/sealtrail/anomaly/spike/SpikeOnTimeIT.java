package io.sealtrail.anomaly.spike;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.Rejections.rejected;
import static io.sealtrail.avro.common.RejectionReason.BAD_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst that is the last traffic of the whole platform (nothing after it, on any topic) is
 * alerted on custody.alerts within grace + settle + 10 s of wall-clock time after the later of its
 * window's end and its last event's arrival, for both spike kinds.
 */
class SpikeOnTimeIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final Duration SETTLE = Duration.ofSeconds(2);
  private static final Duration BOUND = GRACE.plus(SETTLE).plusSeconds(10);

  private static final Map<String, String> SHORT =
      Map.of(
          "sealtrail.anomaly.attestation-spike.window", WINDOW.toString(),
          "sealtrail.anomaly.attestation-spike.grace", GRACE.toString(),
          "sealtrail.anomaly.attestation-spike.settle", SETTLE.toString(),
          "sealtrail.anomaly.attestation-spike.wall-settle", "PT1S",
          "sealtrail.anomaly.rejection-spike.window", WINDOW.toString(),
          "sealtrail.anomaly.rejection-spike.grace", GRACE.toString(),
          "sealtrail.anomaly.rejection-spike.settle", SETTLE.toString(),
          "sealtrail.anomaly.rejection-spike.wall-settle", "PT1S");

  @Test
  void shouldAlertAttestationFailureSpikeWithinTheBoundWhenTheBurstIsTheLastTraffic()
      throws Exception {
    try (AnomalyHarness harness = running()) {
      Instant at = inOneWindow();
      VerifiedEvent[] burst = new VerifiedEvent[6];
      for (int i = 0; i < burst.length; i++) {
        burst[i] = failed("DEV-LAST-" + i, "ST-HALTED", at.plusMillis(i));
      }
      harness.send(burst);
      Instant deadline = deadline(at);

      List<Alert> alerts = harness.alerts(a -> !a.isEmpty(), BOUND.plusSeconds(20));

      Instant seen = Instant.now();
      assertThat(alerts)
          .extracting(a -> a.getType() + " " + a.getSubject().getId())
          .containsExactly(AlertType.ATTESTATION_FAILURE_SPIKE + " station=ST-HALTED");
      assertThat(seen).isBeforeOrEqualTo(deadline);
    }
  }

  @Test
  void shouldAlertRejectionSpikeWithinTheBoundWhenTheBurstIsTheLastTraffic() throws Exception {
    try (AnomalyHarness harness = running()) {
      Instant at = inOneWindow();
      RejectedSubmission[] burst = new RejectedSubmission[6];
      for (int i = 0; i < burst.length; i++) {
        burst[i] = rejected(BAD_SIGNATURE, "attacker", "key-x", "site-9", at.plusMillis(i));
      }
      harness.send(burst);
      Instant deadline = deadline(at);

      List<Alert> alerts = harness.alerts(a -> !a.isEmpty(), BOUND.plusSeconds(20));

      Instant seen = Instant.now();
      assertThat(alerts)
          .extracting(a -> a.getType() + " " + a.getSubject().getId())
          .containsExactly(AlertType.REJECTION_SPIKE + " key-x");
      assertThat(seen).isBeforeOrEqualTo(deadline);
    }
  }

  private static AnomalyHarness running() throws Exception {
    AnomalyHarness harness = new AnomalyHarness(KAFKA, SHORT);
    Eventually.await(
        () -> harness.node().state(),
        state -> state == KafkaStreams.State.RUNNING,
        "anomaly streams running");
    return harness;
  }

  /** Now, or a little earlier, so that the burst's few milliseconds stay in one window. */
  private static Instant inOneWindow() {
    long now = System.currentTimeMillis();
    long end = now - Math.floorMod(now, WINDOW.toMillis()) + WINDOW.toMillis();
    return Instant.ofEpochMilli(Math.min(now, end - 100));
  }

  /** The bound after the later of the window's end and now (the burst has just arrived). */
  private static Instant deadline(Instant at) {
    long end =
        at.toEpochMilli() - Math.floorMod(at.toEpochMilli(), WINDOW.toMillis()) + WINDOW.toMillis();
    return Instant.ofEpochMilli(Math.max(end, System.currentTimeMillis())).plus(BOUND);
  }
}
