package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MANIFEST_MISMATCH on shipping, receipt and unpacking of a container, beside exact matches. */
class ManifestDetectionTest {
  static final Instant PACKING = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant DEPARTURE = PACKING.plus(Duration.ofHours(1));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));
  static final Instant UNPACKING = ARRIVAL.plus(Duration.ofHours(1));

  static final String OTHER_DEVICE = "GWX1-000043";
  static final String STRANGER = "GWX1-FAKE";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @BeforeEach
  void assembleDevices() {
    Instant assembly = PACKING.minus(Duration.ofHours(1));
    custody.send(assembled(DEVICE, assembly), assembled(OTHER_DEVICE, assembly));
  }

  @Test
  void shouldRaiseManifestMismatchWhenReceiptScanMissesAndAddsSerials() {
    custody.send(
        packed(CRATE, PACKING, DEVICE, OTHER_DEVICE),
        shippedWith(CRATE, DEPARTURE, DEVICE, OTHER_DEVICE));

    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE, STRANGER));

    custody.afterGrace();

    // The stranger, never born, is also an UNKNOWN_SERIAL once the grace has passed.
    assertThat(custody.violations())
        .anySatisfy(v -> assertThat(v.getViolationId()).startsWith("UNKNOWN_SERIAL:" + STRANGER))
        .filteredOn(v -> v.getType() == AlertType.MANIFEST_MISMATCH)
        .singleElement()
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("missing", OTHER_DEVICE))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("extra", STRANGER));
  }

  @Test
  void shouldStaySilentWhenReceiptScanMatchesInAnyOrder() {
    custody.send(
        packed(CRATE, PACKING, DEVICE, OTHER_DEVICE),
        shippedWith(CRATE, DEPARTURE, DEVICE, OTHER_DEVICE));

    custody.send(receivedWith(CRATE, ARRIVAL, OTHER_DEVICE, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseManifestMismatchWhenShippedManifestDiffersFromPacking() {
    custody.send(packed(CRATE, PACKING, DEVICE, OTHER_DEVICE));

    custody.send(shippedWith(CRATE, DEPARTURE, DEVICE));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.MANIFEST_MISMATCH);
  }

  @Test
  void shouldRaiseManifestMismatchWhenUnpackingFindsSerialNeverPacked() {
    custody.send(
        packed(CRATE, PACKING, DEVICE),
        shippedWith(CRATE, DEPARTURE, DEVICE),
        receivedWith(CRATE, ARRIVAL, DEVICE));

    custody.send(unpacked(CRATE, UNPACKING, STRANGER));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("extra", STRANGER));
  }

  @Test
  void shouldStaySilentWhenUnpackingTakesOutPartOfWhatWasPacked() {
    crateArrivedAndPartlyUnpacked();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(CRATE).getContents()).containsExactly(OTHER_DEVICE);
  }

  @Test
  void shouldStaySilentWhenReceiptScanIsReportedAfterTheUnpacking() {
    crateUnpackedBeforeItsReceiptIsReported();

    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(CRATE).getContents()).isEmpty();
  }

  @Test
  void shouldRaiseManifestMismatchWhenLateReceiptScanDiffersFromWhatWasPackedThen() {
    crateUnpackedBeforeItsReceiptIsReported();

    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("missing", OTHER_DEVICE));
  }

  private void crateUnpackedBeforeItsReceiptIsReported() {
    custody.send(
        packed(CRATE, PACKING, DEVICE, OTHER_DEVICE),
        shippedWith(CRATE, DEPARTURE, DEVICE, OTHER_DEVICE),
        unpacked(CRATE, UNPACKING, DEVICE, OTHER_DEVICE));
  }

  @Test
  void shouldCiteThePackingWhenShippedManifestDiffersFromIt() {
    EventFixture packing = packed(CRATE, PACKING, DEVICE, OTHER_DEVICE);
    EventFixture shipping = shippedWith(CRATE, DEPARTURE, DEVICE);
    custody.send(packing);

    custody.send(shipping);

    custody.afterGrace();

    assertThat(custody.evidenceIds())
        .containsExactly(List.of(shipping.eventId(), packing.eventId()));
  }

  @Test
  void shouldCiteTheShipmentWhenReceiptScanDiffersFromItsManifest() {
    EventFixture shipping = shippedWith(CRATE, DEPARTURE, DEVICE, OTHER_DEVICE);
    EventFixture receipt = receivedWith(CRATE, ARRIVAL, DEVICE);
    custody.send(packed(CRATE, PACKING, DEVICE, OTHER_DEVICE), shipping);

    custody.send(receipt);

    custody.afterGrace();

    assertThat(custody.evidenceIds())
        .containsExactly(List.of(receipt.eventId(), shipping.eventId()));
  }

  @Test
  void shouldRaiseManifestMismatchWhenWhatAPartialUnpackingLeftIsNotAccountedForWithinGrace() {
    crateArrivedAndPartlyUnpacked();

    // Judged a grace after the unpacking, then held a grace more for a later event naming them.
    custody.send(
        streamTimeAt(UNPACKING.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60)),
        streamTimeAt(UNPACKING.plus(DetectionRules.DEFAULT_GRACE.multipliedBy(2)).plusSeconds(60)));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.MANIFEST_MISMATCH))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("missing", OTHER_DEVICE));
  }

  @Test
  void shouldStaySilentWhenTheRestIsUnpackedWithinGrace() {
    crateArrivedAndPartlyUnpacked();

    custody.send(
        unpacked(CRATE, UNPACKING.plusSeconds(120), OTHER_DEVICE),
        streamTimeAt(UNPACKING.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60)));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseManifestMismatchWhenLoneDeviceIsShippedUnderAnotherSerialsManifest() {
    custody.send(shippedWith(DEVICE, DEPARTURE, OTHER_DEVICE));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(DEVICE))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("missing", DEVICE))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("extra", OTHER_DEVICE));
  }

  @Test
  void shouldStaySilentWhenLoneDeviceIsShippedAndReceivedUnderItsOwnManifest() {
    custody.send(shippedWith(DEVICE, DEPARTURE, DEVICE));

    custody.send(receivedWith(DEVICE, ARRIVAL, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  private void crateArrivedAndPartlyUnpacked() {
    custody.send(
        packed(CRATE, PACKING, DEVICE, OTHER_DEVICE),
        shippedWith(CRATE, DEPARTURE, DEVICE, OTHER_DEVICE),
        receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE),
        unpacked(CRATE, UNPACKING, DEVICE));
  }
}
