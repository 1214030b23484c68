package io.sealtrail.anomaly.spike;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.Devices.commissioned;
import static io.sealtrail.anomaly.fixtures.Rejections.rejected;
import static io.sealtrail.avro.common.RejectionReason.BAD_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.stale.StaleRules;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spike windows close on time, not on traffic: live (events stamped about now) a burst that is the
 * last traffic anywhere is alerted within grace + settle + 10 s of its window's end, and a replay
 * (events far behind the wall clock) raises each spike once, whether later events close its window
 * or the wall clock does.
 */
class WallClockSpikeTest {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Duration BOUND = GRACE.plus(SETTLE).plusSeconds(10);

  /** The driver's wall clock at start: the live window [NOW, NOW + 1 min) is open. */
  private static final Instant NOW = AnomalyDriver.WALL_CLOCK;

  /** A replayed window a month behind the wall clock. */
  private static final Instant REPLAYED = Instant.parse("2026-05-01T08:00:00Z");

  private final AnomalyDriver driver = new AnomalyDriver(shortRules());

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldRaiseAttestationSpikeOnTheWallClockWhenTheBurstIsTheLastTraffic() {
    failures("ST-4", NOW.plusSeconds(1), 8);

    Duration ran = driver.wallClockRunsUntilAnAlert(WINDOW.plus(BOUND));

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getType() + " " + kv.value.getSubject().getId())
        .containsExactly("ATTESTATION_FAILURE_SPIKE station=ST-4");
    assertThat(alerts.get(0).value.getAttributes()).containsEntry("count", "8");
    // Not before the window has ended and its grace passed, and within the bound after.
    assertThat(ran)
        .isGreaterThanOrEqualTo(WINDOW.plus(GRACE))
        .isLessThanOrEqualTo(WINDOW.plus(BOUND));
  }

  @Test
  void shouldRaiseRejectionSpikeOnTheWallClockWhenTheBurstIsTheLastTraffic() {
    for (int i = 0; i < 8; i++) {
      driver.send(rejected(BAD_SIGNATURE, "acme", "key-7", "site-1", NOW.plusSeconds(1 + i)));
    }

    Duration ran = driver.wallClockRunsUntilAnAlert(WINDOW.plus(BOUND));

    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getType() + " " + kv.value.getSubject().getId())
        .containsExactly("REJECTION_SPIKE key-7");
    assertThat(ran)
        .isGreaterThanOrEqualTo(WINDOW.plus(GRACE))
        .isLessThanOrEqualTo(WINDOW.plus(BOUND));
  }

  @Test
  void shouldWaitGraceAfterTheLastEventWhenTheBurstArrivesAfterItsWindowEnded() {
    // Events of the window that arrive after it ended (a partner's backlog) still count in it.
    driver.wallClockPasses(WINDOW.plusSeconds(5));
    failures("ST-4", NOW.plusSeconds(50), 8);

    Duration ran = driver.wallClockRunsUntilAnAlert(BOUND);

    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=ST-4");
    assertThat(ran).isGreaterThanOrEqualTo(GRACE).isLessThanOrEqualTo(BOUND);
  }

  @Test
  void shouldRaiseReplayedSpikeOnceWhenLaterEventsCloseItsWindowAndTheWallClockRunsOn() {
    failures("ST-4", REPLAYED, 8);
    driver.send(failed("DEV-LATER", "ST-9", REPLAYED.plus(WINDOW).plus(GRACE).plusSeconds(1)));

    driver.wallClockRunsUntilAnAlert(BOUND);
    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=ST-4");
    driver.wallClockPasses(Duration.ofHours(1));
    driver.wallClockRunsUntilAnAlert(BOUND);

    assertThat(driver.alerts()).isEmpty();
    assertThat(judgedWindows("station=ST-4")).isEqualTo(1);
  }

  @Test
  void shouldRaiseReplayedSpikeOnceWhenTheReplayEndsWithTheBurst() {
    failures("ST-4", REPLAYED, 8);

    Duration ran = driver.wallClockRunsUntilAnAlert(BOUND);
    assertThat(driver.alerts())
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("station=ST-4");
    // Replayed: the window ended long ago, so it closes after grace of quiet on the wall clock.
    assertThat(ran).isGreaterThanOrEqualTo(GRACE).isLessThanOrEqualTo(BOUND);

    driver.wallClockPasses(Duration.ofHours(1));
    driver.send(failed("DEV-LATER", "ST-9", REPLAYED.plus(WINDOW).plus(GRACE).plusSeconds(1)));
    driver.wallClockRunsUntilAnAlert(BOUND);

    assertThat(driver.alerts()).isEmpty();
    assertThat(judgedWindows("station=ST-4")).isEqualTo(1);
  }

  @Test
  void shouldNeitherCountNorJudgeAgainAHitThatComesAfterItsWindowClosedOnTheWallClock() {
    failures("ST-4", REPLAYED, 8);
    driver.wallClockRunsUntilAnAlert(BOUND);
    assertThat(driver.alerts()).hasSize(1);

    failures("ST-4", REPLAYED.plusSeconds(30), 8);
    driver.wallClockRunsUntilAnAlert(BOUND.multipliedBy(2));

    assertThat(driver.alerts()).isEmpty();
    assertThat(judgedWindows("station=ST-4")).isEqualTo(1);
  }

  @Test
  void shouldKeepCountingAReplayedWindowWhileItsHitsKeepComing() {
    // Hits 8 s of wall clock apart never leave the window quiet for its grace (10 s).
    for (int i = 0; i < 8; i++) {
      driver.send(failed("DEV-R" + i, "ST-4", REPLAYED.plusSeconds(i)));
      driver.wallClockPasses(Duration.ofSeconds(8));
    }

    driver.wallClockRunsUntilAnAlert(BOUND);

    assertThat(driver.alerts())
        .singleElement()
        .satisfies(kv -> assertThat(kv.value.getAttributes()).containsEntry("count", "8"));
  }

  @Test
  void shouldRaiseStaleOnTheWallClockWhenNoEventFollows() {
    try (AnomalyDriver stale = new AnomalyDriver(shortRules())) {
      stale.send(commissioned("DEV-1", NOW));

      Duration ran = stale.wallClockRunsUntilAnAlert(Duration.ofMinutes(5));

      assertThat(stale.alerts())
          .extracting(kv -> kv.value.getType() + " " + kv.value.getSubject().getId())
          .containsExactly(AlertType.ATTESTATION_STALE + " DEV-1");
      // Overdue after its interval (1 min), noticed within a check (10 s) after that.
      assertThat(ran)
          .isGreaterThan(Duration.ofMinutes(1))
          .isLessThanOrEqualTo(Duration.ofSeconds(72));
      stale.wallClockRunsUntilAnAlert(Duration.ofMinutes(2));
      assertThat(stale.alerts()).isEmpty();
    }
  }

  private int judgedWindows(String cohort) {
    String series = driver.stringStore(SpikeStores.series(kind())).get(cohort);
    return series == null ? 0 : series.split(";").length;
  }

  private static SpikeKind kind() {
    return shortRules().attestationSpikeKind();
  }

  private void failures(String station, Instant from, int count) {
    for (int i = 0; i < count; i++) {
      Instant at = from.plusSeconds(i);
      driver.send(failed("DEV-" + station + "-" + at.toEpochMilli(), station, at));
    }
  }

  private static AnomalyRules shortRules() {
    SpikeRules spikes =
        new SpikeRules(WINDOW, GRACE, 0.2, 3.0, 5, 1.0, 48, Set.of(), SETTLE, SETTLE);
    // The wall clock runs on for hours here: an unacknowledged HIGH spike would be escalated (a new
    // version), which EscalationTest covers; these tests count raisings only.
    return new AnomalyRules(
        AlertRules.defaults().escalatingAfter(Duration.ofDays(7)),
        spikes,
        spikes,
        new StaleRules(Duration.ofMinutes(1), Map.of(), Duration.ofSeconds(10)),
        6);
  }
}
