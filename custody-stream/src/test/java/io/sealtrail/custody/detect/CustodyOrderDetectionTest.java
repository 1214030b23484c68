package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.fixtures.CustodyDriver;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * INVALID_TRANSITION (shipped unsealed, received without being shipped), UNKNOWN_SERIAL and
 * POST_DECOMMISSION_ACTIVITY, with late events within the grace that must stay silent.
 */
class CustodyOrderDetectionTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T07:00:00Z");
  static final Instant PACKING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant DEPARTURE = PACKING.plus(Duration.ofHours(1));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));
  static final Instant DECOMMISSIONING = PACKING.plus(Duration.ofDays(400));
  static final Instant AFTER_GRACE = ARRIVAL.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60);

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseInvalidTransitionWhenShippedUnsealed() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE));

    custody.send(shipped(CRATE, shipmentOf(CRATE), null, DEPARTURE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.INVALID_TRANSITION);
  }

  @Test
  void shouldStaySilentWhenShippedUnderSeal() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        packed(CRATE, PACKING, DEVICE),
        sealApplied(CRATE, sealOf(CRATE), PACKING));

    custody.send(shipped(CRATE, DEPARTURE));

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseInvalidTransitionWhenReceivedWithoutShipmentAfterGrace() {
    custody.send(
        assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE), received(CRATE, ARRIVAL));
    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isOne();

    custody.send(streamTimeAt(AFTER_GRACE)).afterReportSettle();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.INVALID_TRANSITION))
        .satisfies(v -> assertThat(v.getOccurredAt()).isEqualTo(ARRIVAL));
  }

  /**
   * The shipper's shipping and the receiver's receipt, sent together, reach the crate's partition
   * in the other order and stream time passes the receipt's grace first: held the report settle on
   * the wall clock, the shipping clears it.
   */
  @Test
  void shouldStaySilentWhenTheShippingArrivesAfterStreamTimePassedItsReceiptsGrace() {
    custody.send(
        assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE), received(CRATE, ARRIVAL));
    custody.send(streamTimeAt(AFTER_GRACE));
    assertThat(custody.violations()).isEmpty();

    custody.send(shipped(CRATE, DEPARTURE)).afterReportSettle();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldStaySilentWhenShipmentIsReportedAfterItsReceiptWithinGrace() {
    custody.send(
        assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE), received(CRATE, ARRIVAL));

    custody.send(shipped(CRATE, DEPARTURE), streamTimeAt(AFTER_GRACE));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(CRATE).getStatus()).isEqualTo(CustodyStatus.AT_SITE);
  }

  @Test
  void shouldRaiseUnknownSerialWhenNeverAssembledSerialIsScannedAfterGrace() {
    custody.send(scanned("GWX1-FAKE", ARRIVAL));

    custody.send(streamTimeAt(AFTER_GRACE)).afterReportSettle();

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNKNOWN_SERIAL);
  }

  @Test
  void shouldStaySilentWhenAssemblyIsReportedAfterFirstScanWithinGrace() {
    custody.send(scanned(DEVICE, ARRIVAL));

    custody.send(assembled(DEVICE, ARRIVAL.minusSeconds(600)), streamTimeAt(AFTER_GRACE));

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaisePostDecommissionActivityWhenDecommissionedDeviceIsSeenAgain() {
    custody.send(assembled(DEVICE, PACKING), decommissioned(DEVICE, DECOMMISSIONING));

    custody.send(scanned(DEVICE, DECOMMISSIONING.plus(Duration.ofDays(1))).at(CUSTOMER_SITE));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.POST_DECOMMISSION_ACTIVITY);
    assertThat(custody.state(DEVICE).getStatus()).isEqualTo(CustodyStatus.DECOMMISSIONED);
  }

  @Test
  void shouldStaySilentWhenEventBeforeDecommissioningIsReportedLate() {
    custody.send(assembled(DEVICE, PACKING), decommissioned(DEVICE, DECOMMISSIONING));

    custody.send(scanned(DEVICE, DECOMMISSIONING.minus(Duration.ofDays(1))).at(CUSTOMER_SITE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }
}
