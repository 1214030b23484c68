package io.sealtrail.custody.layout;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.LayoutFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PROCESS_DEVIATION against the factory layout of {@link LayoutFixture}: a skipped step, a step out
 * of order, a step by a role the layout does not allow, a step signed by too few partners; beside
 * each its nearest legitimate case, which stays silent.
 */
class LayoutDeviationTest {
  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private final TestDevice device = TestDevice.withNewKey();
  private final LayoutLife life = new LayoutLife(DEVICE, device, START);
  private final CustodyDriver custody = new CustodyDriver();

  @BeforeEach
  void releaseAndLayOut() {
    custody.layouts(LayoutFixture.factoryFrom(START.minus(Duration.ofDays(1))));
    custody.send(LayoutLife.release(START));
  }

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseNothingWhenDeviceFollowsItsLayout() {
    sendAll(life.conforming());

    assertThat(custody.afterGrace().violations()).isEmpty();
  }

  @Test
  void shouldRaiseSkippedStepWhenSealedBeforeAttestation() {
    sendAll(life.sealedUntested());

    assertThat(custody.afterGrace().violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.PROCESS_DEVIATION);
              assertThat(v.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(v.getEvidence().get(0).getEventId()).isEqualTo(life.seal().eventId());
              assertThat(v.getAttributes())
                  .containsEntry("deviation", "skipped")
                  .containsEntry("step", "seal")
                  .containsEntry("skippedStep", "attest")
                  .containsEntry("layoutProduct", PRODUCT)
                  .containsEntry("layoutVersion", "1");
            });
  }

  @Test
  void shouldRaiseNothingWhenAttestationReportedAfterTheSealHappenedBeforeIt() {
    // The nearest silent case of the skip: the same events, the attestation only reported late.
    custody.send(life.assembly(), life.provisioning(), life.flash(), life.seal());
    custody.send(life.test(), life.commissioning());

    assertThat(custody.afterGrace().violations()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenProductHasNoLayoutOfItsOwn() {
    try (CustodyDriver withoutLayout = new CustodyDriver()) {
      withoutLayout.send(LayoutLife.release(START));
      life.sealedUntested().forEach(withoutLayout::send);

      assertThat(withoutLayout.afterGrace().violations()).isEmpty();
    }
  }

  @Test
  void shouldRaiseOutOfOrderWhenProvisionedAgainAfterSealing() {
    sendAll(life.conforming());
    EventFixture again = keyProvisioned(DEVICE, device, life.at(4).plusSeconds(300));
    custody.send(again);

    assertThat(custody.afterGrace().violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.PROCESS_DEVIATION);
              assertThat(v.getEvidence())
                  .extracting(e -> e.getEventId())
                  .containsExactly(again.eventId(), life.seal().eventId());
              assertThat(v.getAttributes())
                  .containsEntry("deviation", "out-of-order")
                  .containsEntry("step", "provision")
                  .containsEntry("afterStep", "seal");
            });
  }

  @Test
  void shouldRaiseNothingWhenRepeatableStepIsDoneAgainAfterLaterSteps() {
    // The nearest silent case of out of order: a field update, flashed and attested again.
    sendAll(life.conforming());
    Instant update = START.plus(Duration.ofDays(20));
    custody.send(
        flashed(DEVICE, LayoutLife.VERSION, update).at(CUSTOMER_SITE),
        attested(DEVICE, device, 2, update.plus(Duration.ofMinutes(5)))
            .by(FIELD, FIELD_SERVICE_ROLE)
            .at(CUSTOMER_SITE));

    assertThat(custody.afterGrace().violations()).isEmpty();
  }

  @Test
  void shouldRaiseWrongRoleWhenStepIsReportedByRoleTheLayoutDoesNotAllow() {
    EventFixture seal = life.seal().by(STATION, STATION_ROLE);
    sendAll(List.of(life.assembly(), life.provisioning(), life.flash(), life.test(), seal));

    assertThat(custody.afterGrace().violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.PROCESS_DEVIATION);
              assertThat(v.getAttributes())
                  .containsEntry("deviation", "role")
                  .containsEntry("step", "seal")
                  .containsEntry("roles", STATION_ROLE);
            });
  }

  @Test
  void shouldRaiseNothingWhenStepIsReportedByAnotherAllowedRole() {
    EventFixture test = life.test().by(FIELD, FIELD_SERVICE_ROLE);
    sendAll(List.of(life.assembly(), life.provisioning(), life.flash(), test, life.seal()));

    assertThat(custody.afterGrace().violations()).isEmpty();
  }

  @Test
  void shouldRaiseThresholdWhenFlashHasOnePartnerOfTheTwoTheStepNeeds() {
    EventFixture flash = life.flash().withoutCoSigners();
    sendAll(List.of(life.assembly(), life.provisioning(), flash));

    List<Violation> raised = custody.afterGrace().violations();
    assertThat(raised)
        .extracting(Violation::getType)
        .containsExactlyInAnyOrder(AlertType.PROCESS_DEVIATION, AlertType.MISSING_DUAL_APPROVAL);
    assertThat(raised)
        .filteredOn(v -> v.getType() == AlertType.PROCESS_DEVIATION)
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getAttributes())
                    .containsEntry("deviation", "threshold")
                    .containsEntry("partners", STATION));
  }

  @Test
  void shouldRaiseUnmetConstraintWhenCommissionedUnsealedInARevisionWithoutSealStep() {
    String layout =
        """
        {"steps": [{"name": "assemble", "type": "ASSEMBLED"}],
         "bomRevisions": {"B": [
           {"name": "assemble", "type": "ASSEMBLED"},
           {"name": "commission", "type": "COMMISSIONED", "requires": [{"require": "sealed"}]}]}}
        """;
    try (CustodyDriver revised = new CustodyDriver()) {
      revised.layouts(
          LayoutFixture.history(LayoutFixture.version(3, layout, START.minus(Duration.ofDays(1)))));
      revised.send(life.assembly(), life.commissioning());

      assertThat(revised.afterGrace().violations())
          .singleElement()
          .satisfies(
              v ->
                  assertThat(v.getAttributes())
                      .containsEntry("deviation", "unmet")
                      .containsEntry("requirement", "sealed")
                      .containsEntry("layoutVersion", "3"));
    }
  }

  private void sendAll(List<EventFixture> events) {
    events.forEach(custody::send);
  }
}
