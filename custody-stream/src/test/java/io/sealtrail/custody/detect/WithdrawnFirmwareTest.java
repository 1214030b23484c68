package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.Watermarks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UNAUTHORIZED_FIRMWARE for a flash of a withdrawn image: a flash at or after the withdrawal (in
 * event time) raises it with the withdrawal as evidence, also when the withdrawal is reported late
 * within the grace or processed on another partition; a flash before the withdrawal stays valid.
 */
class WithdrawnFirmwareTest {
  static final Instant RELEASE = Instant.parse("2026-02-01T08:00:00Z");
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant FLASHING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant AFTER_GRACE = FLASHING.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60);
  static final String REASON = "CVE-2026-0042: boot loader accepts unsigned images";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseUnauthorizedFirmwareWhenTheImageWasWithdrawnBeforeTheFlash() {
    EventFixture withdrawal = withdrawn("1.4.0", FLASHING.minus(Duration.ofDays(1)), REASON);
    custody.send(released("1.4.0", RELEASE), withdrawal, assembled(DEVICE, ASSEMBLY));

    custody.send(flashed(DEVICE, "1.4.0", FLASHING));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertWithdrawn(v, withdrawal, FLASHING.minus(Duration.ofDays(1))));
  }

  @Test
  void shouldStaySilentWhenTheFlashHappenedBeforeTheWithdrawal() {
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING));

    custody.send(withdrawn("1.4.0", FLASHING.plus(Duration.ofMinutes(1)), REASON));
    custody.send(streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldStaySilentWhenAnotherImageOfTheProductWasWithdrawn() {
    custody.send(released("1.4.0", RELEASE), released("1.3.0", RELEASE));
    custody.send(withdrawn("1.3.0", RELEASE.plusSeconds(60), REASON), assembled(DEVICE, ASSEMBLY));

    custody.send(flashed(DEVICE, "1.4.0", FLASHING), streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseUnauthorizedFirmwareWhenTheWithdrawalArrivesLateWithinTheGrace() {
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING));
    assertThat(custody.violations()).isEmpty();

    // Dated five minutes before the flash, reported after it.
    EventFixture withdrawal = withdrawn("1.4.0", FLASHING.minus(Duration.ofMinutes(5)), REASON);
    custody.send(withdrawal, streamTimeAt(AFTER_GRACE));
    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertWithdrawn(v, withdrawal, FLASHING.minus(Duration.ofMinutes(5))));
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldHoldTheFlashUntilTheWithdrawalsPartitionHasPassedItsGrace() {
    // Partition 1, where the product's withdrawal is processed, trails this one in event time.
    custody.watermarkElsewhere(1, FLASHING.minus(Duration.ofHours(1)));
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING), streamTimeAt(AFTER_GRACE)).afterGrace();
    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isOne();

    EventFixture withdrawal = withdrawn("1.4.0", FLASHING.minus(Duration.ofMinutes(5)), REASON);
    custody.withdrawnElsewhere(withdrawal).watermarkElsewhere(1, AFTER_GRACE);
    custody.advanceWallClock(CustodyProcessor.QUIET);

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertWithdrawn(v, withdrawal, FLASHING.minus(Duration.ofMinutes(5))));
  }

  /**
   * The demo's miss: the product's partition, idle (nothing left to process), holds no one back,
   * and this partition's stream time passed the flash + grace before the withdrawal, sent before
   * the flash in the same upload, reached the product's partition. Decided then, the flash was
   * dropped as of a released image; held the release settle on the wall clock, it is raised.
   */
  @Test
  void shouldRaiseTheFlashWhenAnIdlePartitionReportsTheWithdrawalAfterThisOnePassedItsGrace() {
    custody.watermarkElsewhere(1, Watermarks.CAUGHT_UP);
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING), streamTimeAt(AFTER_GRACE));
    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isOne();

    EventFixture withdrawal = withdrawn("1.4.0", FLASHING.minus(Duration.ofDays(1)), REASON);
    custody.withdrawnElsewhere(withdrawal).afterReleaseSettle();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertWithdrawn(v, withdrawal, FLASHING.minus(Duration.ofDays(1))));
    assertThat(custody.heldViolations()).isZero();
  }

  /**
   * The demo's second miss: the flash is judged before its release reached this partition, so it is
   * held as "not an approved release"; the release then arrives, and a withdrawal too. The release
   * alone must not clear it: the image was withdrawn before the flash.
   */
  @Test
  void shouldRaiseTheFlashWhenItsReleaseAndTheWithdrawalBothArriveAfterIt() {
    custody.watermarkElsewhere(1, Watermarks.CAUGHT_UP);
    custody.send(assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING), streamTimeAt(AFTER_GRACE));
    assertThat(custody.heldViolations()).isOne();

    EventFixture withdrawal = withdrawn("1.4.0", FLASHING.minus(Duration.ofDays(1)), REASON);
    custody.releasedElsewhere(released("1.4.0", RELEASE)).withdrawnElsewhere(withdrawal);
    custody.afterReleaseSettle();

    assertRaisedOnceWith(withdrawal, FLASHING.minus(Duration.ofDays(1)));
  }

  /** The same, with the release processed on this partition, after the flash, in one batch. */
  @Test
  void shouldRaiseTheFlashWhenItsReleaseFollowsItHereAndTheWithdrawalArrivesElsewhere() {
    custody.watermarkElsewhere(1, Watermarks.CAUGHT_UP);
    custody.send(assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING), released("1.4.0", RELEASE));

    EventFixture withdrawal = withdrawn("1.4.0", FLASHING.minus(Duration.ofDays(1)), REASON);
    custody.withdrawnElsewhere(withdrawal).send(streamTimeAt(AFTER_GRACE));
    custody.afterReleaseSettle();

    assertRaisedOnceWith(withdrawal, FLASHING.minus(Duration.ofDays(1)));
  }

  @Test
  void shouldDropTheFlashOnceTheReleaseSettlePassedWithNoWithdrawal() {
    custody.watermarkElsewhere(1, Watermarks.CAUGHT_UP);
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));
    custody.send(flashed(DEVICE, "1.4.0", FLASHING), streamTimeAt(AFTER_GRACE));

    custody.afterReleaseSettle();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  private void assertRaisedOnceWith(EventFixture withdrawal, Instant withdrawnAt) {
    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertWithdrawn(v, withdrawal, withdrawnAt));
    assertThat(custody.heldViolations()).isZero();
  }

  private static void assertWithdrawn(Violation v, EventFixture withdrawal, Instant withdrawnAt) {
    assertThat(v.getType()).isEqualTo(AlertType.UNAUTHORIZED_FIRMWARE);
    assertThat(v.getSerial()).isEqualTo(DEVICE);
    assertThat(v.getAttributes())
        .containsEntry("imageSha256", imageOf("1.4.0"))
        .containsEntry("withdrawnAt", withdrawnAt.toString())
        .containsEntry("withdrawalReason", REASON)
        .containsEntry("withdrawnVersion", "1.4.0");
    assertThat(v.getSummary()).contains("withdrawn at " + withdrawnAt).contains(REASON);
    assertThat(v.getEvidence()).extracting(Evidence::getEventId).contains(withdrawal.eventId());
  }
}
