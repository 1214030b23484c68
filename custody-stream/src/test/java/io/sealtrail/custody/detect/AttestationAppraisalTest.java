package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import io.sealtrail.custody.process.CustodyProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MEASUREMENT_MISMATCH: a passing attestation is appraised against the expected measurements of the
 * release of the image flashed on the device when it attested; each beside the legitimate case
 * nearest to it, and with the release reported late on another partition.
 */
class AttestationAppraisalTest {
  static final Instant RELEASE = Instant.parse("2026-02-01T08:00:00Z");
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant PROVISIONING = ASSEMBLY.plus(Duration.ofMinutes(20));
  static final Instant FLASHING = ASSEMBLY.plus(Duration.ofMinutes(40));
  static final Instant TESTING = ASSEMBLY.plus(Duration.ofMinutes(60));
  static final Instant REFLASHING = ASSEMBLY.plus(Duration.ofMinutes(62));
  static final Instant AFTER_GRACE = REFLASHING.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60);
  static final String GOOD_OLD = "01".repeat(32);
  static final String GOOD_NEW = "02".repeat(32);
  static final String NONCE = "0f".repeat(16);

  private final TestDevice device = TestDevice.withNewKey();
  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  private void builtWith(String version) {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        keyProvisioned(DEVICE, device, PROVISIONING),
        flashed(DEVICE, version, FLASHING));
  }

  private EventFixture test(String measurement) {
    return attestedMeasuring(DEVICE, device, 1, NONCE, measurement, TESTING);
  }

  @Test
  void shouldRaiseMeasurementMismatchWhenPassingAttestationMeasuresWhatReleaseDoesNotExpect() {
    custody.send(releasedExpecting("1.4.0", RELEASE, GOOD_NEW));
    builtWith("1.4.0");

    custody.send(test(MEASUREMENT), streamTimeAt(AFTER_GRACE)).afterReleaseSettle();

    Violation v = single();
    assertThat(v.getType()).isEqualTo(AlertType.MEASUREMENT_MISMATCH);
    assertThat(v.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(v.getSerial()).isEqualTo(DEVICE);
    assertThat(v.getAttributes())
        .containsEntry("measurementSha256", MEASUREMENT)
        .containsEntry("expectedMeasurements", GOOD_NEW)
        .containsEntry("imageSha256", imageOf("1.4.0"))
        .containsEntry("firmwareVersion", "1.4.0");
    assertThat(v.getEvidence())
        .extracting(e -> e.getEventId())
        .containsExactly(test(MEASUREMENT).eventId(), flashed(DEVICE, "1.4.0", FLASHING).eventId());
  }

  @Test
  void shouldStaySilentWhenMeasurementIsAmongTheExpected() {
    custody.send(releasedExpecting("1.4.0", RELEASE, GOOD_OLD, GOOD_NEW));
    builtWith("1.4.0");

    custody.send(test(GOOD_NEW), streamTimeAt(AFTER_GRACE));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldStaySilentWhenReleaseDeclaresNoMeasurements() {
    custody.send(released("1.4.0", RELEASE));
    builtWith("1.4.0");

    custody.send(test(MEASUREMENT), streamTimeAt(AFTER_GRACE));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseOnlyAttestationFailedWhenStationReportsTheMismatchAsFail() {
    custody.send(releasedExpecting("1.4.0", RELEASE, GOOD_NEW));
    builtWith("1.4.0");
    byte[] quote = device.quote(DEVICE, nonce(1), MEASUREMENT, 1);

    custody.send(attestation(DEVICE, 1, quote, AttestationResult.FAIL, TESTING));
    custody.send(streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.ATTESTATION_FAILED);
  }

  @Test
  void shouldAppraiseAgainstImageFlashedWhenDeviceAttestedWhateverTheArrivalOrder() {
    custody.send(
        releasedExpecting("1.3.0", RELEASE, GOOD_OLD),
        releasedExpecting("1.4.0", RELEASE.plusSeconds(60), GOOD_NEW));
    builtWith("1.3.0");
    // The reflash to 1.4.0 happened after the test but arrives before it, within the grace.
    custody.send(flashed(DEVICE, "1.4.0", REFLASHING));

    custody.send(test(GOOD_OLD), streamTimeAt(AFTER_GRACE));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseMeasurementMismatchWhenLateAttestationMeasuresTheNewerImage() {
    custody.send(
        releasedExpecting("1.3.0", RELEASE, GOOD_OLD),
        releasedExpecting("1.4.0", RELEASE.plusSeconds(60), GOOD_NEW));
    builtWith("1.3.0");
    custody.send(flashed(DEVICE, "1.4.0", REFLASHING));

    custody.send(test(GOOD_NEW), streamTimeAt(AFTER_GRACE)).afterReleaseSettle();

    assertThat(single().getAttributes())
        .containsEntry("firmwareVersion", "1.3.0")
        .containsEntry("expectedMeasurements", GOOD_OLD);
  }

  @Test
  void shouldHoldMismatchUntilReleasePartitionsWatermarkHasPassedItsGrace() {
    // The release's partition trails this one in event time: it may still report the release.
    custody.watermarkElsewhere(1, RELEASE);
    builtWith("1.4.0");
    custody.send(test(MEASUREMENT), streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violations()).isEmpty();
    // The appraisal, and the flash awaiting its release too.
    assertThat(custody.heldViolations()).isEqualTo(2);

    custody.releasedElsewhere(releasedExpecting("1.4.0", RELEASE, GOOD_NEW));
    custody.watermarkElsewhere(1, AFTER_GRACE).advanceWallClock(CustodyProcessor.QUIET);

    assertThat(custody.violationTypes()).containsExactly(AlertType.MEASUREMENT_MISMATCH);
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldStaySilentWhenReleaseReportedLateElsewhereExpectsTheMeasurement() {
    custody.watermarkElsewhere(1, RELEASE);
    builtWith("1.4.0");
    custody.send(test(GOOD_NEW), streamTimeAt(AFTER_GRACE)).afterGrace();

    custody.releasedElsewhere(releasedExpecting("1.4.0", RELEASE, GOOD_NEW));
    custody.watermarkElsewhere(1, AFTER_GRACE).advanceWallClock(CustodyProcessor.QUIET);

    // The flash was held for the release too; neither is raised.
    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  private Violation single() {
    List<Violation> violations = custody.violations();
    assertThat(violations).hasSize(1);
    return violations.get(0);
  }
}
