package io.sealtrail.custody.provenance;

import static io.sealtrail.custody.fixtures.CustodyEvents.assembled;
import static io.sealtrail.custody.fixtures.CustodyEvents.component;
import static io.sealtrail.custody.fixtures.CustodyEvents.componentReceived;
import static io.sealtrail.custody.fixtures.CustodyEvents.streamTimeAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.process.CustodyProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Component provenance at assembly: a lot assembled but never received raises UNVERIFIED_COMPONENT
 * once the grace has passed (on the wall clock alone when no traffic follows); a component serial
 * built into two devices raises COMPONENT_REUSE on the later one. Beside each, the nearest
 * legitimate case stays silent: a receipt reported late within the grace, the same device again.
 */
class ProvenanceDetectionTest {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration QUIET = CustodyProcessor.QUIET;
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String DEVICE = "GWX1-000042";
  static final String OTHER_DEVICE = "GWX1-000043";
  static final String LOT = "LOT-CPU-7";
  static final String RAM_LOT = "LOT-RAM-3";
  static final ComponentRef CPU = component("CPU-A53", LOT, "CPU-0001");
  static final ComponentRef RAM = component("RAM-8G", RAM_LOT);

  private final CustodyDriver custody =
      new CustodyDriver(new DetectionRules(GRACE, Duration.ofHours(1), Map.of()));

  @AfterEach
  void close() {
    custody.close();
  }

  static EventFixture received(String lot, String partNumber, Instant at) {
    return componentReceived(lot, partNumber, at);
  }

  @Test
  void shouldRaiseUnverifiedComponentOnTheWallClockAloneWhenALotWasNeverReceived() {
    EventFixture assembly = assembled(DEVICE, T0, CPU);
    custody.send(assembly);

    custody.advanceWallClock(QUIET); // the first check notes the traffic
    custody.advanceWallClock(GRACE.minusSeconds(1));
    assertThat(custody.violations()).as("before grace + quiet").isEmpty();
    custody.advanceWallClock(Duration.ofSeconds(1));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.UNVERIFIED_COMPONENT);
              assertThat(v.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(v.getSerial()).isEqualTo(DEVICE);
              assertThat(v.getAttributes())
                  .containsEntry("lot", LOT)
                  .containsEntry("partNumbers", "CPU-A53");
              assertThat(v.getEvidence())
                  .extracting(Evidence::getEventId)
                  .containsExactly(assembly.eventId());
              assertThat(v.getViolationId()).endsWith(":" + LOT);
            });
  }

  @Test
  void shouldRaiseNothingWhenTheReceiptIsReportedLateWithinTheGrace() {
    custody.send(assembled(DEVICE, T0, CPU));
    custody.advanceWallClock(GRACE.minusMinutes(1));

    custody.send(received(LOT, "CPU-A53", T0.minus(Duration.ofHours(2))));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenTheLotWasReceivedBeforeTheAssembly() {
    custody.send(
        received(LOT, "CPU-A53", T0.minus(Duration.ofDays(1))), assembled(DEVICE, T0, CPU));

    custody.send(streamTimeAt(T0.plus(GRACE).plusSeconds(60)));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseEachAssemblyOfALotInEventTimeOnlyOnceItsOwnGracePassedWhenTheyArriveOutOfOrder() {
    // Held assemblies are read in time order and an event reads only those its stream time may
    // decide: the one that arrived last but happened first must not hide behind the others.
    String third = "GWX1-000044";
    custody.send(
        assembled(DEVICE, T0.plusSeconds(300), RAM),
        assembled(OTHER_DEVICE, T0.plusSeconds(600), RAM),
        assembled(third, T0, RAM));
    custody.advanceWallClock(Settles.DEFAULT_PROVENANCE);

    custody.send(streamTimeAt(T0.plus(GRACE).plusSeconds(300)));
    custody.advanceWallClock(QUIET);
    assertThat(custody.violations())
        .as("the two whose grace stream time passed, the earliest first")
        .extracting(Violation::getType, Violation::getSerial)
        .containsExactly(
            tuple(AlertType.UNVERIFIED_COMPONENT, third),
            tuple(AlertType.UNVERIFIED_COMPONENT, DEVICE));

    custody.send(streamTimeAt(T0.plus(GRACE).plusSeconds(600)));
    custody.advanceWallClock(QUIET);
    assertThat(custody.violations())
        .as("then the last, once stream time passed its own grace")
        .extracting(Violation::getSerial)
        .containsExactly(OTHER_DEVICE);
  }

  @Test
  void shouldRaiseUnverifiedComponentWithoutWaitingTheGraceOnTheWallClockWhenEventTimePassesIt() {
    custody.send(assembled(DEVICE, T0, CPU));
    custody.send(streamTimeAt(T0.plus(GRACE).minusSeconds(1)));
    custody.advanceWallClock(Settles.DEFAULT_PROVENANCE);
    assertThat(custody.violations()).as("within the grace").isEmpty();

    custody.send(streamTimeAt(T0.plus(GRACE)));
    custody.advanceWallClock(QUIET); // the next check sees the custody task's watermark

    assertThat(custody.violations())
        .extracting(Violation::getType, Violation::getSerial)
        .containsExactly(tuple(AlertType.UNVERIFIED_COMPONENT, DEVICE));
  }

  @Test
  void shouldRaiseNothingWhenTheReceiptArrivesAfterEventTimePassedTheGraceButWithinTheSettle() {
    custody.send(assembled(DEVICE, T0, CPU));
    custody.send(streamTimeAt(T0.plus(GRACE).plusSeconds(60)));
    custody.advanceWallClock(Settles.DEFAULT_PROVENANCE.minusSeconds(1));

    custody.send(received(LOT, "CPU-A53", T0.minus(Duration.ofHours(2))));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseUnverifiedComponentInEventTimeOnlyAfterTheConfiguredSettle() {
    // Three wall-clock checks (every QUIET) long: nothing may be decided before it ends.
    Duration settle = QUIET.multipliedBy(3);
    try (var configured =
        new CustodyDriver(
            new DetectionRules(GRACE, Duration.ofHours(1), Map.of()),
            new Settles(
                settle,
                Settles.DEFAULT_SHIPMENT,
                Settles.DEFAULT_RELEASE,
                Settles.DEFAULT_REPORT))) {
      configured.send(assembled(DEVICE, T0, CPU));
      configured.send(streamTimeAt(T0.plus(GRACE).plusSeconds(60)));

      configured.advanceWallClock(settle.minusSeconds(1));
      assertThat(configured.violations()).as("not before the configured settle").isEmpty();

      // The settle over, the custody task, idle, says at its next check that it has processed all
      // ingest accepted until then, and the lot task's next check decides.
      configured
          .advanceWallClock(Duration.ofSeconds(1))
          .advanceWallClock(QUIET)
          .advanceWallClock(QUIET);
      assertThat(configured.violations())
          .extracting(Violation::getType, Violation::getSerial)
          .containsExactly(tuple(AlertType.UNVERIFIED_COMPONENT, DEVICE));
    }
  }

  @Test
  void shouldHoldUnverifiedComponentWhileACustodyPartitionTrailsTheGrace() {
    custody.send(assembled(DEVICE, T0, CPU));
    // Another custody task has processed only up to the assembly: its receipt may still come.
    custody.lineageWatermarkElsewhere(1, T0);
    custody.send(streamTimeAt(T0.plus(GRACE).plusSeconds(60)));
    custody.advanceWallClock(Settles.DEFAULT_PROVENANCE);
    assertThat(custody.violations()).as("a partition trails").isEmpty();

    custody.lineageWatermarkElsewhere(1, T0.plus(GRACE));
    custody.advanceWallClock(QUIET).advanceWallClock(QUIET);

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNVERIFIED_COMPONENT);
  }

  /**
   * The 3,000-device demo's false alert: the lot task lagged its input by more than the settle,
   * while the releases store already showed the receipt's custody task past the assembly + grace.
   * The lot task now trusts only the watermarks in its own input, which come after what that task
   * re-keyed before them, so the receipt still on its way there clears the assembly.
   */
  @Test
  void shouldWaitForTheReceiptInItsOwnInputWhenTheReleasesStoreShowsItsPartitionPassedAlready() {
    custody.lineageWatermarkElsewhere(1, T0.minus(Duration.ofHours(1)));
    custody.send(assembled(DEVICE, T0, CPU), streamTimeAt(T0.plus(GRACE).plusSeconds(60)));
    custody.watermarkElsewhere(1, T0.plus(GRACE).plus(Duration.ofHours(1)));
    custody.advanceWallClock(Settles.DEFAULT_PROVENANCE).advanceWallClock(QUIET);
    assertThat(custody.violations()).as("the receipt is still in the lot task's input").isEmpty();

    custody.lineageFromElsewhere(LOT, received(LOT, "CPU-A53", T0.minusSeconds(60)));
    custody.lineageWatermarkElsewhere(1, T0.plus(GRACE).plus(Duration.ofHours(1)));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  /**
   * The 3,000-device demo under load: the lots' receipts, accepted 14 s after their assemblies, sat
   * in a trailing custody task's input for more than the settle, while that task's watermark (its
   * stream time, from later events it had processed) had passed the assemblies' grace. The settle
   * now also waits until every custody task has processed what ingest accepted until it ends.
   */
  @Test
  void shouldWaitForATrailingCustodyTaskToProcessWhatIngestAcceptedWithinTheSettle() {
    Instant settled = CustodyDriver.WALL_CLOCK.plus(Settles.DEFAULT_PROVENANCE);
    trailingPartitionPastTheGraceWithAnAssemblyHeld();
    assertThat(custody.violations())
        .as("partition 1 may still hold a receipt accepted within the settle")
        .isEmpty();

    custody.lineageFromElsewhere(LOT, received(LOT, "CPU-A53", T0.minus(Duration.ofHours(2))));
    custody.lineageReceivedElsewhere(1, settled);
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void
      shouldRaiseUnverifiedComponentOnceTheTrailingCustodyTaskProcessedWhatIngestAcceptedWithinTheSettle() {
    trailingPartitionPastTheGraceWithAnAssemblyHeld();

    custody.lineageReceivedElsewhere(1, CustodyDriver.WALL_CLOCK.plus(Settles.DEFAULT_PROVENANCE));
    custody.advanceWallClock(QUIET);

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNVERIFIED_COMPONENT);
  }

  /**
   * Partition 1 has processed events past the assembly's grace, and all ingest accepted only until
   * the assembly was held; the settle has passed on the wall clock, and this custody task is idle.
   */
  private void trailingPartitionPastTheGraceWithAnAssemblyHeld() {
    custody.lineageWatermarkElsewhere(1, T0.plus(GRACE).plus(Duration.ofHours(1)));
    custody.lineageReceivedElsewhere(1, CustodyDriver.WALL_CLOCK);
    custody.send(assembled(DEVICE, T0, CPU), streamTimeAt(T0.plus(GRACE).plusSeconds(60)));
    custody
        .advanceWallClock(Settles.DEFAULT_PROVENANCE)
        .advanceWallClock(QUIET)
        .advanceWallClock(QUIET);
  }

  @Test
  void shouldRaiseUnverifiedComponentCitingTheReceiptWhenTheLotWasReceivedOnlyAfterTheAssembly() {
    EventFixture assembly = assembled(DEVICE, T0, CPU);
    EventFixture receipt = received(LOT, "CPU-A53", T0.plusSeconds(60));
    custody.send(assembly, receipt);

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .extracting(Evidence::getEventId)
                    .containsExactly(assembly.eventId(), receipt.eventId()));
  }

  @Test
  void shouldRaiseOneUnverifiedComponentPerLotNeverReceived() {
    custody.send(received(LOT, "CPU-A53", T0.minusSeconds(60)), assembled(DEVICE, T0, CPU, RAM));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("lot", RAM_LOT));
  }

  @Test
  void shouldRaiseUnverifiedComponentOnceWhenTheAssemblyIsSentTwice() {
    custody.send(assembled(DEVICE, T0, CPU), assembled(DEVICE, T0, CPU));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.UNVERIFIED_COMPONENT);
  }

  @Test
  void shouldRaiseComponentReuseOnTheLaterDeviceWhenOneSerialIsAssembledTwice() {
    EventFixture first = assembled(DEVICE, T0, CPU);
    EventFixture second = assembled(OTHER_DEVICE, T0.plusSeconds(600), CPU);
    custody.send(received(LOT, "CPU-A53", T0.minusSeconds(60)), first, second);

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.COMPONENT_REUSE);
              assertThat(v.getSeverity()).isEqualTo(Severity.CRITICAL);
              assertThat(v.getSerial()).isEqualTo(OTHER_DEVICE);
              assertThat(v.getAttributes())
                  .containsEntry("partNumber", "CPU-A53")
                  .containsEntry("componentSerial", "CPU-0001")
                  .containsEntry("lot", LOT)
                  .containsEntry("firstDevice", DEVICE);
              assertThat(v.getEvidence())
                  .extracting(Evidence::getEventId)
                  .containsExactly(second.eventId(), first.eventId());
            });
  }

  @Test
  void shouldRaiseTheSameComponentReuseWhenTheLaterAssemblyArrivesFirst() {
    EventFixture first = assembled(DEVICE, T0, CPU);
    EventFixture second = assembled(OTHER_DEVICE, T0.plusSeconds(600), CPU);
    custody.send(received(LOT, "CPU-A53", T0.minusSeconds(60)), second, first);

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getSerial()).isEqualTo(OTHER_DEVICE);
              assertThat(v.getEvidence())
                  .extracting(Evidence::getEventId)
                  .containsExactly(second.eventId(), first.eventId());
            });
  }

  @Test
  void shouldRaiseNothingWhenTheSameDeviceIsAssembledWithItsComponentAgain() {
    custody.send(
        received(LOT, "CPU-A53", T0.minusSeconds(60)),
        assembled(DEVICE, T0, CPU),
        assembled(DEVICE, T0.plusSeconds(600), CPU));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenTwoDevicesTakeOtherSerialsOrTheSameSerialOfAnotherPart() {
    custody.send(
        received(LOT, "CPU-A53", T0.minusSeconds(60)),
        received("LOT-SE-1", "SE050", T0.minusSeconds(60)),
        assembled(DEVICE, T0, CPU),
        assembled(OTHER_DEVICE, T0.plusSeconds(600), component("CPU-A53", LOT, "CPU-0002")),
        assembled("GWX1-000044", T0.plusSeconds(900), component("SE050", "LOT-SE-1", "CPU-0001")),
        assembled("GWX1-000045", T0.plusSeconds(900), lotOnly()));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  /** A component of a received lot without a serial of its own: reuse cannot be judged. */
  private static ComponentRef lotOnly() {
    return component("CPU-A53", LOT);
  }

  @Test
  void shouldRaiseUnapprovedSupplierWhenTheSupplierIsNotApprovedForThePart() {
    try (CustodyDriver strict =
        new CustodyDriver(
            DetectionRules.defaults()
                .withSuppliers(Map.of("CPU-A53", Set.of("Arm Fab")), Set.of()))) {
      EventFixture receipt = receivedFrom(LOT, "CPU-A53", "Grey Market Ltd", null);

      strict.send(receipt, receivedFrom("LOT-OK", "CPU-A53", "Arm Fab", null));
      strict.send(receivedFrom("LOT-RAM", "RAM-8G", "Anyone", null));

      assertThat(strict.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.getType()).isEqualTo(AlertType.UNAPPROVED_SUPPLIER);
                assertThat(v.getSeverity()).isEqualTo(Severity.HIGH);
                assertThat(v.getSerial()).isEqualTo(LOT);
                assertThat(v.getAttributes())
                    .containsEntry("reason", "supplier-not-approved")
                    .containsEntry("supplier", "Grey Market Ltd")
                    .containsEntry("approvedSuppliers", "Arm Fab")
                    .containsEntry("partNumber", "CPU-A53");
                assertThat(v.getEvidence())
                    .extracting(Evidence::getEventId)
                    .containsExactly(receipt.eventId());
              });
    }
  }

  @Test
  void shouldRaiseUnapprovedSupplierWhenARequiredCertificateIsMissing() {
    try (CustodyDriver strict =
        new CustodyDriver(DetectionRules.defaults().withSuppliers(Map.of(), Set.of("SE050")))) {
      strict.send(
          receivedFrom("LOT-SE-1", "SE050", "NXP", null),
          receivedFrom("LOT-SE-2", "SE050", "NXP", "ab".repeat(32)),
          receivedFrom("LOT-CPU", "CPU-A53", "Arm Fab", null));

      assertThat(strict.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.getType()).isEqualTo(AlertType.UNAPPROVED_SUPPLIER);
                assertThat(v.getSerial()).isEqualTo("LOT-SE-1");
                assertThat(v.getAttributes()).containsEntry("reason", "certificate-missing");
              });
    }
  }

  static EventFixture receivedFrom(String lot, String part, String supplier, String certificate) {
    return componentReceived(lot, part, T0)
        .withDetail(new ComponentReceived(part, lot, supplier, certificate));
  }
}
