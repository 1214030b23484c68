package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.Watermarks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UNAUTHORIZED_FIRMWARE: a flashed image must be an approved release of the device's product,
 * through the global view of releases; a release reported just after the flash is in time.
 */
class UnauthorizedFirmwareTest {
  static final Instant RELEASE = Instant.parse("2026-02-01T08:00:00Z");
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant FLASHING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant LATE_RELEASE = FLASHING.minus(Duration.ofMinutes(5));
  static final Instant AFTER_GRACE = FLASHING.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60);

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseUnauthorizedFirmwareWhenImageWasNeverReleased() {
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "6.6.6", FLASHING));

    custody.send(streamTimeAt(AFTER_GRACE)).afterReleaseSettle();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.UNAUTHORIZED_FIRMWARE))
        .satisfies(
            v -> assertThat(v.getAttributes()).containsEntry("imageSha256", imageOf("6.6.6")));
  }

  @Test
  void shouldStaySilentWhenImageIsApprovedRelease() {
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));

    custody.send(flashed(DEVICE, "1.4.0", FLASHING), streamTimeAt(AFTER_GRACE));
    custody.afterReleaseSettle();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseUnauthorizedFirmwareWhenReleasedVersionCarriesAnotherImage() {
    custody.send(released("1.4.0", RELEASE), assembled(DEVICE, ASSEMBLY));

    custody.send(tampered(flashed(DEVICE, "1.4.0", FLASHING)), streamTimeAt(AFTER_GRACE));
    custody.afterReleaseSettle();

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNAUTHORIZED_FIRMWARE);
  }

  @Test
  void shouldHoldUnauthorizedFirmwareUntilEveryOtherPartitionsWatermarkHasPassedItsGrace() {
    // Partition 1, where a release would be processed, trails this one in event time.
    custody.watermarkElsewhere(1, FLASHING.minus(Duration.ofHours(1)));
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "6.6.6", FLASHING));

    custody.send(streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isOne();
    custody.watermarkElsewhere(1, AFTER_GRACE).advanceWallClock(CustodyProcessor.QUIET);
    assertThat(custody.violationTypes()).containsExactly(AlertType.UNAUTHORIZED_FIRMWARE);
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseUnauthorizedFirmwareWhenTrailingPartitionHasNothingLeftToProcess() {
    custody.watermarkElsewhere(1, FLASHING.minus(Duration.ofHours(1)));
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "6.6.6", FLASHING));
    custody.send(streamTimeAt(AFTER_GRACE));

    custody.watermarkElsewhere(1, Watermarks.CAUGHT_UP).afterReleaseSettle();

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNAUTHORIZED_FIRMWARE);
  }

  @Test
  void shouldStaySilentWhenAnotherPartitionReportsTheReleaseAfterThisOnesGraceEnded() {
    // Event time ran ahead here (a backlog or a replay) while the release's partition trailed.
    custody.watermarkElsewhere(1, ASSEMBLY);
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", FLASHING));
    custody.send(streamTimeAt(AFTER_GRACE)).afterGrace();

    custody.releasedElsewhere(released("1.4.0", RELEASE)).watermarkElsewhere(1, AFTER_GRACE);
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  /**
   * A release accepted by ingest within the release settle, still in the input of a custody task
   * trailing by more than the settle whose watermark (from later events) passed the flash's grace.
   */
  @Test
  void shouldStaySilentWhenATrailingPartitionReportsTheReleaseItAcceptedWithinTheSettle() {
    custody.watermarkElsewhere(1, AFTER_GRACE.plus(Duration.ofHours(1)));
    custody.receivedElsewhere(1, CustodyDriver.WALL_CLOCK);
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", FLASHING));
    custody.send(streamTimeAt(AFTER_GRACE));
    custody.afterReleaseSettle().advanceWallClock(CustodyProcessor.QUIET);
    assertThat(custody.violations()).as("partition 1 may still hold the release").isEmpty();

    custody
        .releasedElsewhere(released("1.4.0", RELEASE))
        .receivedElsewhere(1, CustodyDriver.WALL_CLOCK.plus(Settles.DEFAULT_RELEASE))
        .advanceWallClock(CustodyProcessor.QUIET);

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldStaySilentWhenReleaseIsReportedJustAfterFlashWithinGrace() {
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", FLASHING));

    custody.send(released("1.4.0", LATE_RELEASE), streamTimeAt(AFTER_GRACE));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  /**
   * An idle product partition holds no one back, yet the release, sent before the flash in the same
   * upload, may reach it after this partition passed the flash + grace: held the release settle on
   * the wall clock, the flash is cleared instead of raised falsely.
   */
  @Test
  void shouldStaySilentWhenAnIdlePartitionReportsTheReleaseAfterThisOnePassedItsGrace() {
    custody.watermarkElsewhere(1, Watermarks.CAUGHT_UP);
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", FLASHING));
    custody.send(streamTimeAt(AFTER_GRACE));
    assertThat(custody.heldViolations()).isOne();

    custody.releasedElsewhere(released("1.4.0", RELEASE)).afterReleaseSettle();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  private static EventFixture tampered(EventFixture flash) {
    return flash.withDetail(new FirmwareFlashed(PRODUCT, "1.4.0", "00".repeat(32)));
  }
}
