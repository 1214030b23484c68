package io.sealtrail.custody.order;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.process.CustodyProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Held decisions are taken on time when no more traffic arrives anywhere: once the task has been
 * idle for the quiet period, what was seen grace + quiet ago is decided on the wall clock. While
 * events keep coming (a replay, a backfill, event time far behind the wall clock), decisions follow
 * stream time only, so a slow replay neither misses nor duplicates an alert.
 */
class HeldDecisionTimingTest {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final DetectionRules RULES = new DetectionRules(GRACE, Duration.ofHours(1), Map.of());
  static final Duration QUIET = CustodyProcessor.QUIET;
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String FAKE = "GWX1-FAKE";

  private final CustodyDriver custody = new CustodyDriver(RULES);

  @AfterEach
  void close() {
    custody.close();
  }

  /** Lets the wall clock run to {@code grace + quiet - 1 s} after the last event, then 1 s more. */
  private void assertRaisedExactlyAtGracePlusQuiet(AlertType type) {
    custody.advanceWallClock(QUIET); // the first check notes the traffic
    custody.advanceWallClock(GRACE.minusSeconds(1));
    assertThat(custody.violations()).as("before grace + quiet").isEmpty();

    custody.advanceWallClock(Duration.ofSeconds(1));

    assertThat(custody.violationTypes()).containsExactly(type);
    assertThat(custody.heldViolations()).isZero();
  }

  /** A device decommissioned at T0 + 1 min, then scanned at T0 + 2 min. */
  private void sendScanAfterDecommissioning() {
    custody.send(
        assembled(DEVICE, T0),
        decommissioned(DEVICE, T0.plusSeconds(60)).at(FACTORY),
        scanned(DEVICE, T0.plusSeconds(120)).at(FACTORY));
  }

  @Test
  void shouldRaiseHeldUnknownSerialOnWallClockWhenNoMoreTrafficArrives() {
    custody.send(scanned(FAKE, T0));

    assertRaisedExactlyAtGracePlusQuiet(AlertType.UNKNOWN_SERIAL);
  }

  @Test
  void shouldRaiseHeldUnauthorizedFirmwareOnWallClockWhenNoMoreTrafficArrives() {
    custody.send(assembled(DEVICE, T0), flashed(DEVICE, "6.6.6", T0.plusSeconds(60)));

    assertRaisedExactlyAtGracePlusQuiet(AlertType.UNAUTHORIZED_FIRMWARE);
  }

  @Test
  void shouldRaiseHeldKeyMismatchOnWallClockWhenNoMoreTrafficArrives() {
    custody.send(
        assembled(DEVICE, T0),
        attested(
            DEVICE, io.sealtrail.custody.fixtures.TestDevice.withNewKey(), 1, T0.plusSeconds(60)));

    assertRaisedExactlyAtGracePlusQuiet(AlertType.KEY_MISMATCH);
  }

  @Test
  void shouldRaiseActivityJudgedInEventTimeOnWallClockWhenNoMoreTrafficArrives() {
    sendScanAfterDecommissioning();

    assertRaisedExactlyAtGracePlusQuiet(AlertType.POST_DECOMMISSION_ACTIVITY);
  }

  @Test
  void shouldRaiseActivityJudgedInEventTimeOnceIdleWhenOtherPartitionsHavePassedItsGrace() {
    // The demo's case: nothing later lands on this serial's partition, the others moved on hours.
    sendScanAfterDecommissioning();
    custody.idleElsewhere(1, T0.plus(Duration.ofHours(2)));

    custody.advanceWallClock(QUIET); // the first check notes the traffic
    assertThat(custody.violations()).as("not idle yet").isEmpty();
    custody.advanceWallClock(QUIET);

    assertThat(custody.violationTypes()).containsExactly(AlertType.POST_DECOMMISSION_ACTIVITY);
  }

  @Test
  void shouldRaiseActivityJudgedInEventTimeOnceEventTimeRunsOnPastItsGraceWhenAllIsCaughtUp() {
    // The latest event anywhere is 30 s short of the scan's grace; nothing else comes.
    custody.idleElsewhere(1, T0.plusSeconds(120).plus(GRACE).minusSeconds(30));
    sendScanAfterDecommissioning();

    custody.advanceWallClock(QUIET); // the first check notes the traffic
    custody.advanceWallClock(QUIET); // quiet for 5 s: event time has run on 5 s
    custody.advanceWallClock(Duration.ofSeconds(20));
    assertThat(custody.violations()).as("event time 5 s short of the grace").isEmpty();

    custody.advanceWallClock(QUIET);

    assertThat(custody.violationTypes()).containsExactly(AlertType.POST_DECOMMISSION_ACTIVITY);
  }

  @Test
  void shouldHoldActivityJudgedInEventTimeWhileAnotherPartitionTrailsItsGrace() {
    sendScanAfterDecommissioning();
    // Partition 1 ran ahead; partition 2 is still busy behind the scan's grace: an earlier event
    // of this serial's container could still be carried here from it.
    custody.idleElsewhere(1, T0.plus(Duration.ofHours(2)));
    custody.watermarkElsewhere(2, T0.plusSeconds(60)).frontierElsewhere(2, T0.plusSeconds(60));

    custody.advanceWallClock(QUIET).advanceWallClock(QUIET);
    assertThat(custody.violations()).isEmpty();

    custody.watermarkElsewhere(2, T0.plus(GRACE).plusSeconds(121)).advanceWallClock(QUIET);
    assertThat(custody.violationTypes()).containsExactly(AlertType.POST_DECOMMISSION_ACTIVITY);
  }

  @Test
  void shouldDecideWhenEventTimeRunsOnFromTheFurthestFrontierWhenEveryPartitionIsIdle() {
    // Idle everywhere, the furthest event 60 s after the scan: a late event may come for 9 more
    // minutes of event time, which runs on with the wall clock while all is quiet.
    custody.idleElsewhere(1, T0.plusSeconds(180));
    sendScanAfterDecommissioning();

    custody.advanceWallClock(QUIET); // the first check notes the traffic
    custody.advanceWallClock(GRACE.minusSeconds(65));
    assertThat(custody.violations()).as("quiet for grace - 65 s").isEmpty();

    custody.advanceWallClock(QUIET);

    assertThat(custody.violationTypes()).containsExactly(AlertType.POST_DECOMMISSION_ACTIVITY);
  }

  @Test
  void shouldDecideByStreamTimeOnlyWhileEventsKeepComingWhenReplayIsSlowerThanWallClock() {
    // A replay: the serial's birth comes 9 minutes of event time after its first scan, but the
    // replay takes far longer than the grace on the wall clock, with events every few seconds.
    custody.send(scanned(FAKE, T0));
    for (int second = 0; second < 2 * GRACE.toSeconds(); second += 3) {
      custody.advanceWallClock(Duration.ofSeconds(3));
      custody.send(streamTimeAt(T0.plusMillis(second)));
    }
    custody.send(assembled(FAKE, T0.minusSeconds(30)));

    custody.send(streamTimeAt(T0.plus(GRACE).plusSeconds(60))).afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseHeldUnknownSerialOnceWhenReplayedAfterItWasDecidedOnWallClock() {
    custody.send(scanned(FAKE, T0)).afterGrace();
    assertThat(custody.violationTypes()).containsExactly(AlertType.UNKNOWN_SERIAL);

    // The same event again (a producer retry, or a replay into the same stores).
    custody.send(scanned(FAKE, T0)).afterGrace();
    custody.send(streamTimeAt(T0.plus(GRACE.multipliedBy(3)))).afterGrace();

    assertThat(custody.violations()).isEmpty();
  }
}
