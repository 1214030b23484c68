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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SEAL_BROKEN and SEAL_MISMATCH, each beside the legitimate case nearest to it. */
class SealDetectionTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant SEALING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant CHECK = SEALING.plus(Duration.ofHours(1));
  static final Instant DEPARTURE = SEALING.plus(Duration.ofHours(2));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  private void sealedDevice() {
    custody.send(assembled(DEVICE, ASSEMBLY), sealApplied(DEVICE, "SEAL-D42", SEALING));
  }

  private void crateOnItsWay() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        packed(CRATE, ASSEMBLY, DEVICE),
        sealApplied(CRATE, sealOf(CRATE), SEALING),
        shipped(CRATE, DEPARTURE));
  }

  @Test
  void shouldRaiseSealBrokenWhenCheckFindsAppliedSealBroken() {
    sealedDevice();
    EventFixture check = sealChecked(DEVICE, "SEAL-D42", false, CHECK);

    custody.send(check);

    Violation violation = custody.violations().get(0);
    assertThat(violation.getType()).isEqualTo(AlertType.SEAL_BROKEN);
    assertThat(violation.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(violation.getSerial()).isEqualTo(DEVICE);
    assertThat(violation.getViolationId())
        .isEqualTo(
            "SEAL_BROKEN:" + DEVICE + ":" + MAKER + ":" + check.build().getEvent().getEventId());
    assertThat(violation.getEvidence())
        .singleElement()
        .satisfies(
            e -> assertThat(e.getPayloadSha256()).isEqualTo(check.build().getPayloadSha256()));
    assertThat(violation.getAttributes())
        .containsEntry("site", FACTORY)
        .containsEntry("sealId", "SEAL-D42");
  }

  @Test
  void shouldStaySilentWhenCheckFindsAppliedSealIntact() {
    sealedDevice();

    custody.send(sealChecked(DEVICE, "SEAL-D42", true, CHECK));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseSealMismatchWhenCheckFindsAnotherSeal() {
    sealedDevice();

    custody.send(sealChecked(DEVICE, "SEAL-D99", true, CHECK));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.SEAL_MISMATCH))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("appliedSealId", "SEAL-D42"));
  }

  @Test
  void shouldRaiseSealBrokenOnCrateAndWhatItHoldsWhenReceiptReportsSealBroken() {
    crateOnItsWay();

    custody.send(received(CRATE, shipmentOf(CRATE), sealOf(CRATE), false, ARRIVAL));

    assertThat(custody.violations())
        .extracting(Violation::getType, Violation::getSerial)
        .containsExactlyInAnyOrder(
            tuple(AlertType.SEAL_BROKEN, CRATE), tuple(AlertType.SEAL_BROKEN, DEVICE));
    assertThat(custody.state(CRATE).getSealIntact()).isFalse();
  }

  @Test
  void shouldRaiseSealMismatchWhenReceiptReportsAnotherSeal() {
    crateOnItsWay();

    custody.send(received(CRATE, shipmentOf(CRATE), "SEAL-FORGED", true, ARRIVAL));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.SEAL_MISMATCH);
    assertThat(custody.state(CRATE).getSealIntact()).isFalse();
  }

  @Test
  void shouldStaySilentWhenCrateArrivesUnderItsSealIntact() {
    crateOnItsWay();

    custody.send(received(CRATE, ARRIVAL));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(CRATE).getSealIntact()).isTrue();
  }

  @Test
  void shouldRaiseSealMismatchWhenShippedUnderAnotherSeal() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        packed(CRATE, ASSEMBLY, DEVICE),
        sealApplied(CRATE, sealOf(CRATE), SEALING));

    custody.send(shipped(CRATE, shipmentOf(CRATE), "SEAL-OTHER", DEPARTURE));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.SEAL_MISMATCH);
  }

  @Test
  void shouldCiteTheSealApplicationWhenCheckFindsAnotherSeal() {
    EventFixture sealing = sealApplied(DEVICE, "SEAL-D42", SEALING);
    EventFixture check = sealChecked(DEVICE, "SEAL-D99", true, CHECK);
    custody.send(assembled(DEVICE, ASSEMBLY), sealing);

    custody.send(check);

    custody.afterGrace();

    assertThat(custody.evidenceIds()).containsExactly(List.of(check.eventId(), sealing.eventId()));
  }
}
