package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.HoldFixture;
import io.sealtrail.custody.fixtures.LayoutFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import io.sealtrail.custody.layout.LayoutHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detection catalogue, one tampering case per variant of the list: each raises exactly
 * its alert, on the right serial, with the documented severity and the triggering event (id and
 * payload hash) as evidence. The legitimate case nearest to each is beside it in its own test.
 */
class DetectionCatalogueTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  static final Instant T2 = T0.plus(Duration.ofHours(2));
  static final Instant T3 = T0.plus(Duration.ofHours(3));
  static final Instant ARRIVAL = T3.plus(Duration.ofDays(2));
  static final Instant IN_SERVICE = ARRIVAL.plus(Duration.ofDays(2));
  static final Duration PAST_GRACE = DetectionRules.DEFAULT_GRACE.plusMinutes(1);

  static final String OTHER_DEVICE = "GWX1-000043";
  static final String STRANGER = "GWX1-000044";
  static final String FAKE = "GWX1-FAKE";
  static final String OTHER_CRATE = "CRATE-10";
  static final TestDevice KEY = TestDevice.withNewKey();
  static final TestDevice CLONE_KEY = TestDevice.withNewKey();

  static final Map<AlertType, Severity> SEVERITY =
      Map.ofEntries(
          Map.entry(AlertType.SEAL_BROKEN, Severity.HIGH),
          Map.entry(AlertType.SEAL_MISMATCH, Severity.HIGH),
          Map.entry(AlertType.MANIFEST_MISMATCH, Severity.HIGH),
          Map.entry(AlertType.COMPONENT_SUBSTITUTION, Severity.CRITICAL),
          Map.entry(AlertType.UNKNOWN_SERIAL, Severity.HIGH),
          Map.entry(AlertType.CLONE_SUSPECTED, Severity.CRITICAL),
          Map.entry(AlertType.KEY_MISMATCH, Severity.CRITICAL),
          Map.entry(AlertType.UNAUTHORIZED_FIRMWARE, Severity.CRITICAL),
          Map.entry(AlertType.HOLD_VIOLATION, Severity.CRITICAL),
          Map.entry(AlertType.MISSING_DUAL_APPROVAL, Severity.HIGH),
          Map.entry(AlertType.FIRMWARE_ROLLBACK, Severity.HIGH),
          Map.entry(AlertType.ATTESTATION_FAILED, Severity.MEDIUM),
          Map.entry(AlertType.INVALID_TRANSITION, Severity.MEDIUM),
          Map.entry(AlertType.POST_DECOMMISSION_ACTIVITY, Severity.HIGH),
          Map.entry(AlertType.SEQUENCE_GAP, Severity.HIGH),
          Map.entry(AlertType.SEQUENCE_REUSE, Severity.HIGH),
          Map.entry(AlertType.PROCESS_DEVIATION, Severity.HIGH),
          Map.entry(AlertType.MEASUREMENT_MISMATCH, Severity.CRITICAL),
          Map.entry(AlertType.ATTESTATION_REPLAY, Severity.HIGH),
          Map.entry(AlertType.UNVERIFIED_COMPONENT, Severity.HIGH),
          Map.entry(AlertType.COMPONENT_REUSE, Severity.CRITICAL),
          Map.entry(AlertType.UNAPPROVED_SUPPLIER, Severity.HIGH),
          Map.entry(AlertType.DIVERSION, Severity.HIGH),
          Map.entry(AlertType.ROUTE_MISMATCH, Severity.MEDIUM),
          Map.entry(AlertType.SHIPMENT_OVERDUE, Severity.MEDIUM));

  /** The default rules, with one part number whose suppliers are approved. */
  static final DetectionRules RULES =
      DetectionRules.defaults().withSuppliers(Map.of("SE050", Set.of("NXP")), Set.of());

  /** A tampering case: what happened before, the event that shows it, and what it raises. */
  record Case(
      String name,
      List<EventFixture> given,
      EventFixture trigger,
      String serial,
      AlertType type,
      List<Hold> holds,
      List<LayoutHistory> layouts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case of(
      String name, AlertType type, String serial, EventFixture trigger, EventFixture... given) {
    return new Case(name, List.of(given), trigger, serial, type, List.of(), List.of());
  }

  /**
   * A case whose device's product follows {@code layout} (ADR 14), in force before {@code given}.
   */
  static Case laidOut(
      String name, String layout, String serial, EventFixture trigger, EventFixture... given) {
    LayoutHistory history =
        LayoutFixture.history(LayoutFixture.version(1, layout, T0.minus(Duration.ofDays(1))));
    return new Case(
        name,
        List.of(given),
        trigger,
        serial,
        AlertType.PROCESS_DEVIATION,
        List.of(),
        List.of(history));
  }

  /** A case whose trigger is received while {@code hold}, placed after {@code given}, is active. */
  static Case held(
      String name, Hold hold, String serial, EventFixture trigger, EventFixture... given) {
    return new Case(
        name, List.of(given), trigger, serial, AlertType.HOLD_VIOLATION, List.of(hold), List.of());
  }

  static EventFixture[] device() {
    return new EventFixture[] {
      released("1.4.0", T0.minus(Duration.ofDays(9))),
      released("1.3.0", T0.minus(Duration.ofDays(30))),
      componentReceived(LOT, "CPU-A53", T0.minus(Duration.ofDays(3))),
      assembled(DEVICE, T0, component("CPU-A53", LOT)),
      keyProvisioned(DEVICE, KEY, T0.plusSeconds(600)),
      sealApplied(DEVICE, "SEAL-D42", T0.plusSeconds(1200))
    };
  }

  static EventFixture[] crateSealed() {
    return Stream.concat(
            Stream.of(device()),
            Stream.of(
                assembled(OTHER_DEVICE, T0),
                assembled(STRANGER, T0),
                packed(CRATE, T1, DEVICE, OTHER_DEVICE),
                sealApplied(CRATE, sealOf(CRATE), T1.plusSeconds(60))))
        .toArray(EventFixture[]::new);
  }

  static EventFixture[] crateShipped() {
    return append(crateSealed(), shippedWith(CRATE, T2, DEVICE, OTHER_DEVICE));
  }

  static EventFixture[] inService() {
    return Stream.concat(
            Stream.of(device()),
            Stream.of(flashed(DEVICE, "1.4.0", T1), commissioned(DEVICE, IN_SERVICE)))
        .toArray(EventFixture[]::new);
  }

  static Stream<Case> cases() {
    return Stream.of(
        held(
            "a device of a held lot is checked",
            HoldFixture.placed(HoldKind.LOT, LOT, T0.plusSeconds(1800)),
            DEVICE,
            sealChecked(DEVICE, "SEAL-D42", true, T1),
            device()),
        of(
            "seal checked broken",
            AlertType.SEAL_BROKEN,
            DEVICE,
            sealChecked(DEVICE, "SEAL-D42", false, T1),
            device()),
        of(
            "another seal checked",
            AlertType.SEAL_MISMATCH,
            DEVICE,
            sealChecked(DEVICE, "SEAL-OTHER", true, T1),
            device()),
        of(
            "receipt scan swaps a serial",
            AlertType.MANIFEST_MISMATCH,
            CRATE,
            receivedWith(CRATE, ARRIVAL, DEVICE, STRANGER),
            crateShipped()),
        of(
            "receipt scan misses a serial",
            AlertType.MANIFEST_MISMATCH,
            CRATE,
            receivedWith(CRATE, ARRIVAL, DEVICE),
            crateShipped()),
        of(
            "receipt scan adds a serial",
            AlertType.MANIFEST_MISMATCH,
            CRATE,
            receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE, STRANGER),
            crateShipped()),
        of(
            "unpacking takes out a serial never packed",
            AlertType.MANIFEST_MISMATCH,
            CRATE,
            unpacked(CRATE, ARRIVAL, STRANGER),
            crateShipped()),
        of(
            "inspection finds a part of another lot",
            AlertType.COMPONENT_SUBSTITUTION,
            DEVICE,
            scanned(DEVICE, T1, component("CPU-A53", "LOT-OTHER")).at(FACTORY),
            device()),
        of("serial never assembled is scanned", AlertType.UNKNOWN_SERIAL, FAKE, scanned(FAKE, T1)),
        of(
            "serial never assembled is packed",
            AlertType.UNKNOWN_SERIAL,
            FAKE,
            packed(OTHER_CRATE, T1, FAKE)),
        of(
            "two sites faster than transit",
            AlertType.CLONE_SUSPECTED,
            DEVICE,
            scanned(DEVICE, T0.plusSeconds(1800)).at(CUSTOMER_SITE),
            device()),
        of(
            "two containers at once",
            AlertType.CLONE_SUSPECTED,
            DEVICE,
            packed(OTHER_CRATE, T3, DEVICE),
            crateShipped()),
        of(
            "one device key on two serials",
            AlertType.CLONE_SUSPECTED,
            OTHER_DEVICE,
            keyProvisioned(OTHER_DEVICE, KEY, T1),
            append(device(), assembled(OTHER_DEVICE, T0))),
        of(
            "attestation counter backwards",
            AlertType.CLONE_SUSPECTED,
            DEVICE,
            attested(DEVICE, KEY, 4, T2),
            append(device(), attested(DEVICE, KEY, 5, T1))),
        of(
            "quote not signed by the provisioned key",
            AlertType.KEY_MISMATCH,
            DEVICE,
            attested(DEVICE, CLONE_KEY, 1, T1),
            device()),
        of(
            "image never released",
            AlertType.UNAUTHORIZED_FIRMWARE,
            DEVICE,
            flashed(DEVICE, "6.6.6", T1),
            device()),
        of(
            "flash without approver",
            AlertType.MISSING_DUAL_APPROVAL,
            DEVICE,
            flashed(DEVICE, "1.4.0", T1).withoutCoSigners(),
            device()),
        of(
            "flash of a lower version",
            AlertType.FIRMWARE_ROLLBACK,
            DEVICE,
            flashed(DEVICE, "1.3.0", T2),
            append(device(), flashed(DEVICE, "1.4.0", T1))),
        of(
            "attestation fails",
            AlertType.ATTESTATION_FAILED,
            DEVICE,
            attestation(
                DEVICE, 1, KEY.quote(DEVICE, nonce(1), MEASUREMENT, 1), AttestationResult.FAIL, T1),
            device()),
        of(
            "a passing attestation measures what the release does not expect",
            AlertType.MEASUREMENT_MISMATCH,
            DEVICE,
            attestedMeasuring(DEVICE, KEY, 1, nonce(1), MEASUREMENT, T2),
            append(
                device(),
                releasedExpecting("1.5.0", T0.minus(Duration.ofDays(2)), "cd".repeat(32)),
                flashed(DEVICE, "1.5.0", T1))),
        of(
            "an attestation reuses a nonce",
            AlertType.ATTESTATION_REPLAY,
            DEVICE,
            attestedMeasuring(DEVICE, KEY, 2, nonce(1), MEASUREMENT, T2),
            append(device(), attested(DEVICE, KEY, 1, T1))),
        of(
            "received without being shipped",
            AlertType.INVALID_TRANSITION,
            CRATE,
            received(CRATE, "SHIP-NEVER", sealOf(CRATE), true, ARRIVAL),
            crateShipped()),
        of(
            "received at another site than shipped to",
            AlertType.DIVERSION,
            CRATE,
            receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE).at(CUSTOMER_SITE),
            crateShipped()),
        of(
            "received as from another site than shipped from",
            AlertType.ROUTE_MISMATCH,
            CRATE,
            receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE)
                .withDetail(
                    new Received(
                        shipmentOf(CRATE),
                        CUSTOMER_SITE,
                        List.of(DEVICE, OTHER_DEVICE),
                        sealOf(CRATE),
                        true)),
            crateShipped()),
        of(
            "shipment not received within the lane's maximum (its shipping reported after it)",
            AlertType.SHIPMENT_OVERDUE,
            CRATE,
            shippedWith(CRATE, T2, DEVICE, OTHER_DEVICE),
            append(
                crateSealed(),
                streamTimeAt(T2.plus(DetectionRules.DEFAULT_MAX_TRANSIT).plus(PAST_GRACE)))),
        of(
            "shipped unsealed",
            AlertType.INVALID_TRANSITION,
            OTHER_CRATE,
            shipped(OTHER_CRATE, shipmentOf(OTHER_CRATE), null, T3),
            packed(OTHER_CRATE, T2)),
        of(
            "seen after decommissioning",
            AlertType.POST_DECOMMISSION_ACTIVITY,
            DEVICE,
            scanned(DEVICE, IN_SERVICE.plus(Duration.ofDays(9))).at(CUSTOMER_SITE),
            append(device(), decommissioned(DEVICE, IN_SERVICE))),
        of(
            "a stream skips a number",
            AlertType.SEQUENCE_GAP,
            DEVICE,
            sealChecked(DEVICE, "SEAL-D42", true, T1.plusSeconds(60)).inStream("line-1", 2),
            append(
                device(),
                sealChecked(DEVICE, "SEAL-D42", true, T1).inStream("line-1", 0),
                // Another stream's event carries stream time past the gap's grace.
                streamTimeAt(T1.plus(PAST_GRACE).plusSeconds(60)).inStream("clock", 0))),
        of(
            "a stream gives a number twice",
            AlertType.SEQUENCE_REUSE,
            DEVICE,
            sealChecked(DEVICE, "SEAL-D42", true, T2).inStream("line-1", 0),
            append(device(), sealChecked(DEVICE, "SEAL-D42", true, T1).inStream("line-1", 0))),
        laidOut(
            "assembled again after sealing, against its product's layout",
            """
            {"steps": [{"name": "assemble", "type": "ASSEMBLED"},
                       {"name": "provision", "type": "KEY_PROVISIONED"},
                       {"name": "seal", "type": "SEAL_APPLIED"}]}
            """,
            DEVICE,
            assembled(DEVICE, T1, component("CPU-A53", LOT)),
            device()),
        of(
            "a lot assembled but never received",
            AlertType.UNVERIFIED_COMPONENT,
            OTHER_DEVICE,
            assembled(OTHER_DEVICE, T1, component("CPU-A53", "LOT-NEVER")),
            device()),
        of(
            "one component serial in two devices",
            AlertType.COMPONENT_REUSE,
            OTHER_DEVICE,
            assembled(OTHER_DEVICE, T1, component("CPU-A53", LOT, "CPU-0001")),
            append(device(), assembled(STRANGER, T0, component("CPU-A53", LOT, "CPU-0001")))),
        of(
            "a lot from a supplier not approved for its part",
            AlertType.UNAPPROVED_SUPPLIER,
            "LOT-SE-GREY",
            componentReceived("LOT-SE-GREY", "SE050", T1)
                .withDetail(new ComponentReceived("SE050", "LOT-SE-GREY", "Grey Market Ltd", null)),
            device()));
  }

  static EventFixture[] append(EventFixture[] given, EventFixture... more) {
    return Stream.concat(Stream.of(given), Stream.of(more)).toArray(EventFixture[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldRaiseExactlyItsAlertWithSeverityAndEvidenceWhenTamperingShows(Case c) {
    try (CustodyDriver custody = new CustodyDriver(RULES)) {
      c.layouts().forEach(custody::layouts);
      custody.send(c.given().toArray(EventFixture[]::new));
      custody.hold(c.holds().toArray(Hold[]::new));
      assertThat(custody.violations()).as("before the tampering").isEmpty();

      custody.send(c.trigger());
      custody.send(streamTimeAt(occurredAt(c.trigger()).plus(PAST_GRACE)));
      // A lot's receipt may arrive on the wall clock after its assembly (provenance).
      custody.advanceWallClock(Settles.DEFAULT_PROVENANCE);
      // A deadline passed in stream time is decided once its shipping was seen a while ago.
      custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);
      // A serial's birth or a receipt's shipping is another partner's, and may come a while later.
      custody.afterReportSettle().afterReleaseSettle();

      VerifiedEvent trigger = c.trigger().build();
      assertThat(custody.violations())
          .singleElement()
          .satisfies(v -> assertThat(v.getType()).isEqualTo(c.type()))
          .satisfies(v -> assertThat(v.getSerial()).isEqualTo(c.serial()))
          .satisfies(v -> assertThat(v.getSeverity()).isEqualTo(SEVERITY.get(c.type())))
          .satisfies(v -> assertThat(v.getEvidence()).anySatisfy(e -> isEvidenceOf(e, trigger)));
    }
  }

  @Test
  void shouldRaiseInvalidTransitionBesideMissingApprovalWhenDeviceInServiceIsFlashedWithout() {
    try (CustodyDriver custody = new CustodyDriver()) {
      custody.send(inService());
      EventFixture flash =
          flashed(DEVICE, "1.4.0", IN_SERVICE.plusSeconds(60)).at(CUSTOMER_SITE).withoutCoSigners();

      custody.send(flash);

      custody.afterGrace();

      assertThat(custody.violations())
          .extracting(Violation::getType)
          .containsExactlyInAnyOrder(AlertType.INVALID_TRANSITION, AlertType.MISSING_DUAL_APPROVAL);
    }
  }

  @Test
  void shouldCoverEveryAlertTheStreamRaisesWhenCasesAreListed() {
    Set<AlertType> covered =
        cases()
            .map(Case::type)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertType.class)));

    // Spikes and staleness are the anomaly service's; UNKNOWN is the schema's fallback symbol.
    Set<AlertType> raisedElsewhere =
        EnumSet.of(
            AlertType.ATTESTATION_FAILURE_SPIKE,
            AlertType.REJECTION_SPIKE,
            AlertType.FLASH_SPIKE,
            AlertType.ATTESTATION_STALE,
            AlertType.UNKNOWN);
    assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.copyOf(raisedElsewhere)));
    covered.forEach(t -> assertThat(Violations.severityOf(t)).isEqualTo(SEVERITY.get(t)));
  }

  private static void isEvidenceOf(Evidence evidence, VerifiedEvent trigger) {
    assertThat(evidence.getEventId()).isEqualTo(trigger.getEvent().getEventId());
    assertThat(evidence.getPartnerId()).isEqualTo(trigger.getEvent().getPartnerId());
    assertThat(evidence.getPayloadSha256()).isEqualTo(trigger.getPayloadSha256());
  }

  private static Instant occurredAt(EventFixture event) {
    return event.build().getEvent().getOccurredAt();
  }
}
