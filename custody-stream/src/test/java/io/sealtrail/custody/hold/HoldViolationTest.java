package io.sealtrail.custody.hold;

import static io.sealtrail.avro.hold.HoldKind.FIRMWARE;
import static io.sealtrail.avro.hold.HoldKind.LOT;
import static io.sealtrail.avro.hold.HoldKind.SERIAL;
import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.HoldFixture.placed;
import static io.sealtrail.custody.fixtures.HoldFixture.releasedAt;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HoldViolationTest {
  private static final Instant T0 = Instant.parse("2026-05-20T08:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofMinutes(1));
  private static final Instant T2 = T0.plus(Duration.ofMinutes(2));
  private static final Instant T3 = T0.plus(Duration.ofMinutes(3));
  private static final Instant T4 = T0.plus(Duration.ofMinutes(4));
  private static final String PART_LOT = "LOT-CAP-7";
  private static final String SE_SERIAL = "SE-000042";

  private final CustodyDriver driver = new CustodyDriver().receivedAtOccurrence();

  @AfterEach
  void close() {
    driver.close();
  }

  private static EventFixture assembly(Instant at) {
    return assembled(
        DEVICE, at, component("CAP-1", PART_LOT), component("SE050", "LOT-SE-1", SE_SERIAL));
  }

  private List<Violation> holdViolations() {
    return driver.violations().stream()
        .filter(v -> v.getType() == AlertType.HOLD_VIOLATION)
        .toList();
  }

  @Test
  void shouldRaiseCriticalHoldViolationWithHoldAndEventWhenHeldSerialHasAnEvent() {
    Hold hold = placed(SERIAL, DEVICE, T1);
    EventFixture seal = sealApplied(DEVICE, "S-1", T2);
    driver.send(assembly(T0)).hold(hold).send(seal);

    List<Violation> violations = holdViolations();

    assertThat(violations).hasSize(1);
    Violation violation = violations.get(0);
    assertThat(violation.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(violation.getSerial()).isEqualTo(DEVICE);
    assertThat(violation.getEvidence())
        .extracting(Evidence::getEventId, Evidence::getPayloadSha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                seal.build().getEvent().getEventId(), seal.build().getPayloadSha256()));
    assertThat(violation.getAttributes())
        .containsEntry("holdId", hold.getHoldId())
        .containsEntry("holdKind", "SERIAL")
        .containsEntry("heldId", DEVICE)
        .containsEntry("holdReason", hold.getReason())
        .containsEntry("holdAlertId", "alert-1")
        .containsEntry("holds", hold.getHoldId());
    assertThat(violation.getSummary()).contains("SEAL_APPLIED", hold.getHoldId());
  }

  @Test
  void shouldStillFoldTheEventWhenItViolatesAHold() {
    driver.send(assembly(T0)).hold(placed(SERIAL, DEVICE, T1)).send(sealApplied(DEVICE, "S-1", T2));

    assertThat(driver.state(DEVICE).getEventCount()).isEqualTo(2);
    assertThat(driver.state(DEVICE).getLastEventType()).isEqualTo(EventType.SEAL_APPLIED);
    assertThat(driver.state(DEVICE).getSealId()).isEqualTo("S-1");
  }

  @Test
  void shouldRaiseHoldViolationWhenADeviceBuiltFromAHeldLotHasAnEvent() {
    Hold hold = placed(LOT, PART_LOT, T1);
    driver.send(assembly(T0)).hold(hold).send(sealApplied(DEVICE, "S-1", T2));

    assertThat(holdViolations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getSerial()).isEqualTo(DEVICE);
              assertThat(v.getAttributes())
                  .containsEntry("holdKind", "LOT")
                  .containsEntry("heldId", PART_LOT);
              assertThat(v.getSummary()).contains("built from held lot " + PART_LOT);
            });
  }

  @Test
  void shouldRaiseHoldViolationWhenADeviceIsAssembledFromAHeldLot() {
    driver.hold(placed(LOT, PART_LOT, T0)).send(assembly(T1));

    assertThat(holdViolations()).extracting(Violation::getSerial).containsExactly(DEVICE);
  }

  @Test
  void shouldRaiseHoldViolationWhenADeviceContainingAHeldSerialHasAnEvent() {
    driver
        .send(assembly(T0))
        .hold(placed(SERIAL, SE_SERIAL, T1))
        .send(sealApplied(DEVICE, "S-1", T2));

    assertThat(holdViolations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getSerial()).isEqualTo(DEVICE);
              assertThat(v.getAttributes())
                  .containsEntry("holdKind", "SERIAL")
                  .containsEntry("heldId", SE_SERIAL);
              assertThat(v.getSummary()).contains("contains held serial " + SE_SERIAL);
            });
  }

  @Test
  void shouldRaiseHoldViolationWhenAHeldImageIsFlashed() {
    driver
        .send(released("1.4.0", T0), assembly(T0))
        .hold(placed(FIRMWARE, imageOf("1.4.0"), T1))
        .send(flashed(DEVICE, "1.4.0", T2));

    assertThat(holdViolations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getAttributes())
                  .containsEntry("holdKind", "FIRMWARE")
                  .containsEntry("heldId", imageOf("1.4.0"));
              assertThat(v.getSummary()).contains("flashed with held image");
            });
  }

  @Test
  void shouldNameEveryHoldOnceWhenSeveralCoverTheEvent() {
    Hold device = placed(SERIAL, DEVICE, T1);
    Hold lot = placed(LOT, PART_LOT, T1);
    driver.send(assembly(T0)).hold(device, lot).send(sealApplied(DEVICE, "S-1", T2));

    assertThat(holdViolations())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getAttributes())
                    .containsEntry("holdId", device.getHoldId())
                    .containsEntry("holds", device.getHoldId() + "," + lot.getHoldId()));
  }

  @Test
  void shouldRaiseHoldViolationOnTheHeldSerialWhenItsContainerMoves() {
    driver
        .send(assembly(T0))
        .hold(placed(SERIAL, DEVICE, T1))
        .send(packed(CRATE, T2, DEVICE), sealApplied(CRATE, "S-9", T3));

    assertThat(holdViolations())
        .extracting(Violation::getSerial)
        .containsOnly(DEVICE)
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldStaySilentWhenTheHoldWasReleasedBeforeTheEvent() {
    Hold hold = placed(LOT, PART_LOT, T1);
    driver.send(assembly(T0)).hold(hold, releasedAt(hold, T2)).send(sealApplied(DEVICE, "S-1", T3));

    assertThat(holdViolations()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenTheEventWasReceivedBeforeTheHoldWasPlaced() {
    // The stream reads the event after the hold (a backlog, a replay): it arrived before it.
    driver.send(assembly(T0)).hold(placed(LOT, PART_LOT, T3)).send(sealApplied(DEVICE, "S-1", T2));

    assertThat(holdViolations()).isEmpty();
  }

  @Test
  void shouldFlagOnlyTheEventsReceivedWhileTheHoldWasActiveWhenReplayed() {
    Hold hold = placed(SERIAL, DEVICE, T1);
    // A replay: the store holds the hold's last version, released at T3, before any event is read.
    driver
        .hold(hold, releasedAt(hold, T3))
        .send(assembly(T0), sealApplied(DEVICE, "S-1", T2), sealChecked(DEVICE, "S-1", true, T4));

    assertThat(holdViolations())
        .extracting(v -> v.getEvidence().get(0).getEventId())
        .containsExactly(sealApplied(DEVICE, "S-1", T2).build().getEvent().getEventId());
  }

  @Test
  void shouldStaySilentWhenTheHeldLotIsAnotherLot() {
    driver
        .send(assembly(T0))
        .hold(placed(LOT, "LOT-CAP-8", T1))
        .send(sealApplied(DEVICE, "S-1", T2));

    assertThat(holdViolations()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenAnotherImageIsFlashed() {
    driver
        .send(released("1.4.0", T0), released("1.3.0", T0), assembly(T0))
        .hold(placed(FIRMWARE, imageOf("1.3.0"), T1))
        .send(flashed(DEVICE, "1.4.0", T2));

    assertThat(holdViolations()).isEmpty();
  }

  @Test
  void shouldListTheActiveHoldsCoveringADeviceWhenAsked() {
    Hold lot = placed(LOT, PART_LOT, T1);
    Hold other = placed(LOT, "LOT-CAP-8", T1);
    Hold gone = placed(SERIAL, DEVICE, T1);
    driver.send(assembly(T0)).hold(lot, other, gone, releasedAt(gone, T2));

    assertThat(driver.holds().activeCovering(driver.state(DEVICE)))
        .extracting(Hold::getHoldId)
        .containsExactly(lot.getHoldId());
    assertThat(driver.holds().all()).hasSize(3);
  }
}
