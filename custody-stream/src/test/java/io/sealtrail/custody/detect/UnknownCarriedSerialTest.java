package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UNKNOWN_SERIAL for a serial that only ever appears inside a container: packed, named in a shipped
 * manifest or scanned on receipt, but never assembled or received on its own.
 */
class UnknownCarriedSerialTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant PACKING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant SEALING = PACKING.plus(Duration.ofMinutes(5));
  static final Instant DEPARTURE = PACKING.plus(Duration.ofHours(1));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));
  static final Instant BOOKING = ARRIVAL.plus(Duration.ofMinutes(5));
  static final Duration PAST_GRACE = DetectionRules.DEFAULT_GRACE.plusMinutes(1);

  static final String FAKE = "GWX1-FAKE";
  static final String BOX = "BOX-SUP-1";
  static final String LATE_BORN = "GWX1-000043";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseUnknownSerialWithPackingAsEvidenceWhenCrateHoldsSerialNeverAssembled() {
    custody.send(assembled(DEVICE, ASSEMBLY));
    EventFixture packing = packed(CRATE, PACKING, DEVICE, FAKE);

    custody.send(packing, streamTimeAt(PACKING.plus(PAST_GRACE))).afterReportSettle();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.UNKNOWN_SERIAL))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(FAKE))
        .satisfies(v -> assertThat(v.getSeverity()).isEqualTo(Severity.HIGH))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("container", CRATE))
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getEventId())
                              .isEqualTo(packing.build().getEvent().getEventId());
                          assertThat(e.getPayloadSha256())
                              .isEqualTo(packing.build().getPayloadSha256());
                        }));
  }

  @Test
  void shouldStaySilentWhenPackedDeviceIsAssembledLateWithinGrace() {
    custody.send(packed(CRATE, PACKING, DEVICE));

    custody.send(assembled(DEVICE, ASSEMBLY), streamTimeAt(PACKING.plus(PAST_GRACE)));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseUnknownSerialBesideManifestMismatchWhenManifestNamesSerialNeverSeen() {
    crateWithAssembledDevice();

    custody.send(shippedWith(CRATE, DEPARTURE, DEVICE, FAKE));
    custody.send(streamTimeAt(DEPARTURE.plus(PAST_GRACE))).afterReportSettle();

    assertThat(custody.violations())
        .extracting(Violation::getType, Violation::getSerial)
        .containsExactlyInAnyOrder(
            tuple(AlertType.MANIFEST_MISMATCH, CRATE), tuple(AlertType.UNKNOWN_SERIAL, FAKE));
  }

  @Test
  void shouldRaiseUnknownSerialWhenReceiptScansSerialNeverSeen() {
    crateWithAssembledDevice();
    custody.send(shipped(CRATE, DEPARTURE));

    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE, FAKE));
    custody.send(streamTimeAt(ARRIVAL.plus(PAST_GRACE))).afterReportSettle();

    assertThat(custody.violations())
        .filteredOn(v -> v.getType() == AlertType.UNKNOWN_SERIAL)
        .extracting(Violation::getSerial)
        .containsExactly(FAKE);
  }

  @Test
  void shouldRaiseUnknownSerialOnceWhenCounterfeitTravelsOnInItsCrate() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE, FAKE));
    custody.send(sealApplied(CRATE, sealOf(CRATE), SEALING), shipped(CRATE, DEPARTURE));

    custody.send(received(CRATE, ARRIVAL), streamTimeAt(ARRIVAL.plus(PAST_GRACE)));
    custody.afterReportSettle();

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNKNOWN_SERIAL);
  }

  @Test
  void shouldStaySilentWhenFactoryBooksLotItReceivedInSupplierBox() {
    supplierShipsLotInBox();

    custody.send(received(BOX, ARRIVAL), componentReceived(LOT, "CPU-A53", BOOKING).at(WAREHOUSE));
    custody.send(streamTimeAt(BOOKING.plus(PAST_GRACE)));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseUnknownSerialOnReceiptWhenFactoryNeverBooksLotOfSupplierBox() {
    supplierShipsLotInBox();

    custody.send(received(BOX, ARRIVAL), streamTimeAt(ARRIVAL.plus(PAST_GRACE)));
    custody.afterReportSettle();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.UNKNOWN_SERIAL))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(LOT))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("eventType", "RECEIVED"));
  }

  /**
   * A packing of a crate and the assembly of a serial in it, reported by two partners in one batch,
   * reach the serial's partition in the other order (ingest keeps each partner's order, not two
   * partners'), and stream time passes the packing's grace first. Held the report settle on the
   * wall clock, the assembly clears it.
   */
  @Test
  void shouldStaySilentWhenTheAssemblyArrivesAfterStreamTimePassedThePackingsGrace() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE, LATE_BORN));
    custody.send(streamTimeAt(PACKING.plus(PAST_GRACE)));
    assertThat(custody.violations()).isEmpty();

    custody.send(assembled(LATE_BORN, ASSEMBLY)).afterReportSettle();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  /**
   * The report settle waits for a report that was on time, not for one dated after the decision was
   * due: a serial "born" after the packing's grace is still unknown at the packing.
   */
  @Test
  void shouldRaiseUnknownSerialWhenTheAssemblyArrivingWithinTheSettleIsDatedAfterTheGrace() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE, LATE_BORN));
    custody.send(streamTimeAt(PACKING.plus(PAST_GRACE)));

    custody.send(assembled(LATE_BORN, PACKING.plus(PAST_GRACE))).afterReportSettle();

    assertThat(custody.violations())
        .extracting(Violation::getType, Violation::getSerial)
        .containsExactly(tuple(AlertType.UNKNOWN_SERIAL, LATE_BORN));
  }

  private void crateWithAssembledDevice() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        packed(CRATE, PACKING, DEVICE),
        sealApplied(CRATE, sealOf(CRATE), SEALING));
  }

  /** A supplier packs and ships a lot days before the factory's dock receives it. */
  private void supplierShipsLotInBox() {
    custody.send(
        packed(BOX, PACKING, LOT).by(SUPPLIER, SUPPLIER_ROLE),
        sealApplied(BOX, sealOf(BOX), SEALING).by(SUPPLIER, SUPPLIER_ROLE),
        shipped(BOX, DEPARTURE).by(SUPPLIER, SUPPLIER_ROLE),
        streamTimeAt(DEPARTURE.plus(Duration.ofDays(1))));
    assertThat(custody.violations()).isEmpty();
  }
}
