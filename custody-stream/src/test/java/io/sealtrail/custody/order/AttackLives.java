package io.sealtrail.custody.order;

import static io.sealtrail.custody.fixtures.AttackLife.alert;
import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.AttackLife;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One life per entry of the detection catalogue, each with its tampering among legitimate events
 * minutes apart, so that reporting each some minutes late (less than the grace) reorders them.
 */
final class AttackLives {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration TRANSIT = Duration.ofMinutes(30);
  static final DetectionRules RULES = new DetectionRules(GRACE, TRANSIT, Map.of());

  /** Longest life: the property draws one delay per event. */
  static final int MAX_EVENTS = 16;

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant RELEASE = T0.minus(Duration.ofDays(1));
  static final String OTHER_DEVICE = "GWX1-000043";
  static final String FAKE = "GWX1-FAKE";
  static final String OTHER_CRATE = "CRATE-10";
  static final String PALLET = "PALLET-3";
  static final String CARTON = "CARTON-1";
  static final TestDevice KEY = TestDevice.withNewKey();
  static final TestDevice CLONE_KEY = TestDevice.withNewKey();

  private AttackLives() {}

  static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  static AttackLife life(String name, List<EventFixture> life, AttackLife.Alert... expected) {
    return new AttackLife(name, life, List.of(expected));
  }

  /** A device assembled with a known part, its key provisioned and its own seal applied. */
  static List<EventFixture> device(EventFixture... more) {
    return Stream.concat(
            Stream.of(
                released("1.4.0", RELEASE),
                released("1.3.0", RELEASE.minus(Duration.ofDays(30))),
                componentReceived(LOT, "CPU-A53", minute(-60)),
                assembled(DEVICE, minute(0), component("CPU-A53", LOT)),
                keyProvisioned(DEVICE, KEY, minute(2)),
                sealApplied(DEVICE, "SEAL-D42", minute(4))),
            Stream.of(more))
        .toList();
  }

  /** Devices packed in a carton, the carton on a pallet, the pallet sealed, then what follows. */
  static List<EventFixture> pallet(EventFixture... more) {
    return Stream.concat(
            Stream.of(
                assembled(DEVICE, minute(0)),
                assembled(OTHER_DEVICE, minute(1)),
                packed(CARTON, minute(3), DEVICE, OTHER_DEVICE),
                packed(PALLET, minute(5), CARTON),
                sealApplied(PALLET, sealOf(PALLET), minute(7))),
            Stream.of(more))
        .toList();
  }

  /** Two devices packed in a crate, sealed, then what follows. */
  static List<EventFixture> crate(EventFixture... more) {
    return Stream.concat(
            Stream.of(
                assembled(DEVICE, minute(0)),
                assembled(OTHER_DEVICE, minute(1)),
                packed(CRATE, minute(3), DEVICE, OTHER_DEVICE),
                sealApplied(CRATE, sealOf(CRATE), minute(5))),
            Stream.of(more))
        .toList();
  }

  static Stream<AttackLife> all() {
    return Stream.of(
        life(
            "seal checked broken",
            device(sealChecked(DEVICE, "SEAL-D42", false, minute(7))),
            alert(AlertType.SEAL_BROKEN, DEVICE)),
        life(
            "pallet seal broken, seen on every level",
            pallet(sealChecked(PALLET, sealOf(PALLET), false, minute(9))),
            alert(AlertType.SEAL_BROKEN, PALLET),
            alert(AlertType.SEAL_BROKEN, CARTON),
            alert(AlertType.SEAL_BROKEN, DEVICE),
            alert(AlertType.SEAL_BROKEN, OTHER_DEVICE)),
        life(
            "another seal checked",
            device(sealChecked(DEVICE, "SEAL-OTHER", true, minute(7))),
            alert(AlertType.SEAL_MISMATCH, DEVICE)),
        life(
            "re-sealed, then the old seal checked",
            device(
                sealChecked(DEVICE, "SEAL-D42", true, minute(6)),
                sealApplied(DEVICE, "SEAL-D43", minute(8)),
                sealChecked(DEVICE, "SEAL-D42", true, minute(10))),
            alert(AlertType.SEAL_MISMATCH, DEVICE)),
        life(
            "shipped manifest leaves a packed device out",
            crate(shippedWith(CRATE, minute(7), DEVICE)),
            alert(AlertType.MANIFEST_MISMATCH, CRATE)),
        life(
            "receipt scan swaps a device",
            crate(
                assembled(FAKE, minute(2)),
                shippedWith(CRATE, minute(7), DEVICE, OTHER_DEVICE),
                receivedWith(CRATE, minute(7).plus(TRANSIT.multipliedBy(2)), DEVICE, FAKE)),
            alert(AlertType.MANIFEST_MISMATCH, CRATE)),
        life(
            "inspection finds a part of another lot",
            device(scanned(DEVICE, minute(6), component("CPU-A53", "LOT-OTHER")).at(FACTORY)),
            alert(AlertType.COMPONENT_SUBSTITUTION, DEVICE)),
        life(
            "serial never assembled is scanned twice",
            List.of(
                assembled(DEVICE, minute(0)),
                scanned(FAKE, minute(2)).at(FACTORY),
                scanned(FAKE, minute(5)).at(FACTORY)),
            alert(AlertType.UNKNOWN_SERIAL, FAKE)),
        life(
            "serial never assembled is packed with a device",
            List.of(
                assembled(DEVICE, minute(0)),
                packed(CRATE, minute(3), DEVICE, FAKE),
                sealApplied(CRATE, sealOf(CRATE), minute(5))),
            alert(AlertType.UNKNOWN_SERIAL, FAKE)),
        life(
            "two sites faster than transit",
            device(scanned(DEVICE, minute(6)).at(CUSTOMER_SITE)),
            alert(AlertType.CLONE_SUSPECTED, DEVICE)),
        life(
            "packed into a second crate",
            crate(packed(OTHER_CRATE, minute(7), DEVICE)),
            alert(AlertType.CLONE_SUSPECTED, DEVICE)),
        life(
            "one device key on two serials",
            device(
                assembled(OTHER_DEVICE, minute(1)), keyProvisioned(OTHER_DEVICE, KEY, minute(6))),
            alert(AlertType.CLONE_SUSPECTED, OTHER_DEVICE)),
        life(
            "attestation counter backwards",
            device(attested(DEVICE, KEY, 5, minute(6)), attested(DEVICE, KEY, 4, minute(8))),
            alert(AlertType.CLONE_SUSPECTED, DEVICE)),
        life(
            "quote not signed by the provisioned key",
            device(attested(DEVICE, CLONE_KEY, 1, minute(6))),
            alert(AlertType.KEY_MISMATCH, DEVICE)),
        life(
            "quote before any key, none provisioned",
            List.of(assembled(DEVICE, minute(0)), attested(DEVICE, CLONE_KEY, 1, minute(3))),
            alert(AlertType.KEY_MISMATCH, DEVICE)),
        life(
            "unpacking takes out a serial never packed",
            crate(
                assembled(FAKE, minute(2)),
                unpacked(CRATE, minute(8), DEVICE, OTHER_DEVICE, FAKE).at(FACTORY)),
            alert(AlertType.MANIFEST_MISMATCH, CRATE)),
        life(
            "partial unpacking never accounted for",
            crate(unpacked(CRATE, minute(8), DEVICE).at(FACTORY)),
            alert(AlertType.MANIFEST_MISMATCH, CRATE)),
        life(
            "partial unpacking, the rest unpacked within the grace (no alert)",
            crate(
                unpacked(CRATE, minute(8), DEVICE).at(FACTORY),
                unpacked(CRATE, minute(12), OTHER_DEVICE).at(FACTORY))),
        life(
            "image never released",
            device(flashed(DEVICE, "6.6.6", minute(6))),
            alert(AlertType.UNAUTHORIZED_FIRMWARE, DEVICE)),
        life(
            "flash without approver",
            device(flashed(DEVICE, "1.4.0", minute(6)).withoutCoSigners()),
            alert(AlertType.MISSING_DUAL_APPROVAL, DEVICE)),
        life(
            "flash of a lower version",
            device(flashed(DEVICE, "1.4.0", minute(6)), flashed(DEVICE, "1.3.0", minute(8))),
            alert(AlertType.FIRMWARE_ROLLBACK, DEVICE)),
        life(
            "attestation fails",
            device(
                attestation(
                    DEVICE,
                    1,
                    KEY.quote(DEVICE, nonce(1), MEASUREMENT, 1),
                    AttestationResult.FAIL,
                    minute(6))),
            alert(AlertType.ATTESTATION_FAILED, DEVICE)),
        life(
            "shipped unsealed",
            List.of(
                assembled(DEVICE, minute(0)),
                packed(OTHER_CRATE, minute(3), DEVICE),
                shipped(OTHER_CRATE, shipmentOf(OTHER_CRATE), null, minute(6))),
            alert(AlertType.INVALID_TRANSITION, OTHER_CRATE)),
        life(
            "received in a shipment never shipped",
            crate(received(CRATE, "SHIP-NEVER", sealOf(CRATE), true, minute(8)).at(FACTORY)),
            alert(AlertType.INVALID_TRANSITION, CRATE)),
        life(
            "flashed in service without approver",
            List.of(
                released("1.4.0", RELEASE),
                assembled(DEVICE, minute(0)),
                commissioned(DEVICE, minute(2)).at(FACTORY),
                flashed(DEVICE, "1.4.0", minute(5)).withoutCoSigners()),
            alert(AlertType.INVALID_TRANSITION, DEVICE),
            alert(AlertType.MISSING_DUAL_APPROVAL, DEVICE)),
        life(
            "scanned after decommissioning",
            List.of(
                assembled(DEVICE, minute(0)),
                commissioned(DEVICE, minute(2)).at(FACTORY),
                decommissioned(DEVICE, minute(4)).at(FACTORY),
                scanned(DEVICE, minute(6)).at(FACTORY),
                scanned(DEVICE, minute(8)).at(FACTORY)),
            alert(AlertType.POST_DECOMMISSION_ACTIVITY, DEVICE),
            alert(AlertType.POST_DECOMMISSION_ACTIVITY, DEVICE)),
        life(
            "decommissioned device shipped on a pallet",
            List.of(
                assembled(DEVICE, minute(0)),
                decommissioned(DEVICE, minute(2)).at(FACTORY),
                packed(CARTON, minute(3), DEVICE),
                packed(PALLET, minute(5), CARTON),
                sealApplied(PALLET, sealOf(PALLET), minute(7)),
                shippedWith(PALLET, minute(9), CARTON)),
            alert(AlertType.POST_DECOMMISSION_ACTIVITY, DEVICE),
            alert(AlertType.POST_DECOMMISSION_ACTIVITY, DEVICE),
            alert(AlertType.POST_DECOMMISSION_ACTIVITY, DEVICE),
            alert(AlertType.POST_DECOMMISSION_ACTIVITY, DEVICE)),
        life(
            "assembled with a lot never received",
            device(assembled(OTHER_DEVICE, minute(3), component("CPU-A53", "LOT-GREY"))),
            alert(AlertType.UNVERIFIED_COMPONENT, OTHER_DEVICE)),
        life(
            "lot received a minute before its assembly",
            List.of(
                componentReceived("LOT-B", "CPU-A53", minute(2)),
                assembled(OTHER_DEVICE, minute(3), component("CPU-A53", "LOT-B")))),
        life(
            "one component serial in two devices",
            List.of(
                componentReceived(LOT, "CPU-A53", minute(-60)),
                assembled(DEVICE, minute(0), component("CPU-A53", LOT, "CPU-0001")),
                assembled(OTHER_DEVICE, minute(3), component("CPU-A53", LOT, "CPU-0001"))),
            alert(AlertType.COMPONENT_REUSE, OTHER_DEVICE)));
  }
}
