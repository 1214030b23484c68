package io.sealtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's supply chain played through trust's verifier and custody-stream's own topology: the
 * legitimate life raises nothing, each injected case exactly its own violation.
 */
class SupplyChainTest {
  static final Instant END = Instant.parse("2026-11-21T08:00:00Z");
  static final DemoOptions SMALL = new DemoOptions(DemoOptions.MIN_DEVICES, 7, END, "T1");
  static final Scenario DEMO = SupplyChain.generate(SMALL);

  @Test
  void shouldRaiseNoViolationWhenTheLegitimateChainIsPlayed() {
    try (var custody = new CustodyReplay(DEMO.cast())) {
      custody.play(DEMO.with(List.of()));

      assertThat(custody.rejections()).isEmpty();
      assertThat(custody.violations()).isEmpty();
    }
  }

  @Test
  void shouldRaiseOnlyAttestationFailuresOfTheNoisyDevicesWhenNoiseIsPlayed() {
    try (var custody = new CustodyReplay(DEMO.cast())) {
      custody.play(DEMO.with(List.of(DEMO.noise().twist())));

      List<Violation> violations = custody.violations();
      assertThat(violations)
          .extracting(Violation::getType)
          .containsOnly(AlertType.ATTESTATION_FAILED);
      assertThat(violations)
          .extracting(Violation::getSerial)
          .containsExactlyInAnyOrderElementsOf(DEMO.noise().failingSerials());
    }
  }

  static Stream<Arguments> custodyCases() {
    return DEMO.cases().stream()
        .filter(c -> c.expected() != AlertType.REJECTION_SPIKE)
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("custodyCases")
  void shouldRaiseExactlyTheCaseViolationWhenOneCaseIsInjected(String name, InjectedCase injected) {
    try (var custody = new CustodyReplay(DEMO.cast())) {
      custody.play(DEMO.with(List.of(injected.twist())));

      List<Violation> violations = custody.violations();
      assertThat(custody.rejections()).isEmpty();
      if (injected.expected() == AlertType.ATTESTATION_FAILURE_SPIKE) {
        // The spike is the anomaly service's; custody-stream sees each device fail.
        assertThat(violations)
            .extracting(Violation::getType)
            .containsOnly(AlertType.ATTESTATION_FAILED)
            .hasSize(SupplyChain.BURST);
        assertThat(violations)
            .extracting(Violation::getSerial)
            .containsExactlyInAnyOrderElementsOf(
                injected.consequences().stream().map(InjectedCase.Consequence::subject).toList());
      } else if (injected.expected() == AlertType.FLASH_SPIKE) {
        // The spike is the anomaly service's; each reflash is legitimate on its own.
        assertThat(violations).isEmpty();
      } else {
        // The case's own violation, and only what the case declares it explains besides.
        var own = org.assertj.core.groups.Tuple.tuple(injected.expected(), injected.subject());
        List<org.assertj.core.groups.Tuple> explained = new java.util.ArrayList<>(List.of(own));
        injected
            .consequences()
            .forEach(
                c -> explained.add(org.assertj.core.groups.Tuple.tuple(c.type(), c.subject())));
        assertThat(violations)
            .extracting(Violation::getType, Violation::getSerial)
            .contains(own)
            .isSubsetOf(explained);
      }
    }
  }

  @Test
  void shouldBeRejectedAsBadSignaturesWhenTheForgedBurstIsPlayed() {
    InjectedCase forged =
        DEMO.cases().stream()
            .filter(c -> c.expected() == AlertType.REJECTION_SPIKE)
            .findFirst()
            .orElseThrow();
    try (var custody = new CustodyReplay(DEMO.cast())) {
      custody.play(DEMO.with(List.of(forged.twist())));

      assertThat(custody.rejections()).hasSize(Tampering.FORGED).containsOnly("BAD_SIGNATURE");
      assertThat(custody.violations()).isEmpty();
    }
  }

  @Test
  void shouldGenerateTheSameEventsWhenTheSeedIsTheSame() {
    Scenario again = SupplyChain.generate(SMALL);

    assertThat(again.all())
        .extracting(DemoEvent::json)
        .isEqualTo(DEMO.all().stream().map(DemoEvent::json).toList());
    assertThat(again.all().get(100).envelope()).isEqualTo(DEMO.all().get(100).envelope());
  }

  @Test
  void shouldGiveDevicesOtherKeysWhenAnotherRunIsGenerated() {
    Scenario later =
        SupplyChain.generate(new DemoOptions(SMALL.devices(), SMALL.seed(), END, "T2"));

    assertThat(deviceKeys(later))
        .doesNotContainAnyElementsOf(deviceKeys(DEMO))
        .hasSize(SMALL.devices());
  }

  private static java.util.Set<String> deviceKeys(Scenario scenario) {
    return scenario.with(List.of()).stream()
        .filter(e -> e.type().equals("KEY_PROVISIONED"))
        .map(e -> e.detail().path("publicKey").asText())
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void shouldInjectOneOfEachTamperingCaseOfTheIssue() {
    assertThat(DEMO.cases())
        .extracting(InjectedCase::expected)
        .containsExactlyInAnyOrder(
            AlertType.SEAL_MISMATCH,
            AlertType.MANIFEST_MISMATCH,
            AlertType.UNKNOWN_SERIAL,
            AlertType.CLONE_SUSPECTED,
            AlertType.CLONE_SUSPECTED,
            AlertType.UNAUTHORIZED_FIRMWARE,
            AlertType.MISSING_DUAL_APPROVAL,
            AlertType.FIRMWARE_ROLLBACK,
            AlertType.ATTESTATION_FAILURE_SPIKE,
            AlertType.REJECTION_SPIKE,
            AlertType.POST_DECOMMISSION_ACTIVITY,
            AlertType.UNAUTHORIZED_FIRMWARE,
            AlertType.PROCESS_DEVIATION,
            AlertType.MEASUREMENT_MISMATCH,
            AlertType.ATTESTATION_REPLAY,
            AlertType.FLASH_SPIKE,
            AlertType.UNVERIFIED_COMPONENT,
            AlertType.COMPONENT_REUSE,
            AlertType.UNAPPROVED_SUPPLIER,
            AlertType.DIVERSION,
            AlertType.ROUTE_MISMATCH,
            AlertType.SHIPMENT_OVERDUE);
  }

  @Test
  void shouldNeverSendOneSubjectTwiceInBatchesThatMayBeInFlightTogether() {
    int inFlight = 3;

    List<List<DemoEvent>> batches = BatchPlan.of(DEMO.all(), 50, inFlight);

    for (int i = 0; i + inFlight <= batches.size(); i++) {
      List<String> together =
          batches.subList(i, i + inFlight).stream()
              .flatMap(List::stream)
              .map(DemoEvent::subject)
              .toList();
      assertThat(together).doesNotHaveDuplicates();
    }
    assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(50));
  }

  @Test
  void shouldNeverSendAContainerEventBeforeTheEventsOfTheSerialsItNames() {
    List<DemoEvent> sent = BatchPlan.of(DEMO.all(), 50, 3).stream().flatMap(List::stream).toList();

    for (String serial :
        DEMO.all().stream().flatMap(e -> e.serials().stream()).distinct().toList()) {
      assertThat(sent.stream().filter(e -> e.serials().contains(serial)).toList())
          .as("events touching %s", serial)
          .containsExactlyElementsOf(
              DEMO.all().stream().filter(e -> e.serials().contains(serial)).toList());
    }
  }

  @Test
  void shouldKeepEachSubjectsEventsInSendOrderWhenBatched() {
    List<DemoEvent> sent = BatchPlan.of(DEMO.all(), 50, 3).stream().flatMap(List::stream).toList();

    assertThat(sent).hasSameSizeAs(DEMO.all());
    for (String subject : List.of("PLT-T1-001", DEMO.cases().get(3).subject(), Firmware.PRODUCT)) {
      assertThat(sent.stream().filter(e -> e.subject().equals(subject)).toList())
          .containsExactlyElementsOf(
              DEMO.all().stream().filter(e -> e.subject().equals(subject)).toList());
    }
  }
}
