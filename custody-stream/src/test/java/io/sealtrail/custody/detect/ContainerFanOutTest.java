package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A container's events apply to what it holds, through the container-contents repartition; a serial
 * in two containers at once is CLONE_SUSPECTED.
 */
class ContainerFanOutTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant PACKING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant REPACKING = PACKING.plus(Duration.ofMinutes(30));
  static final Instant DEPARTURE = PACKING.plus(Duration.ofHours(1));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));
  static final Instant UNPACKING = ARRIVAL.plus(Duration.ofHours(1));

  static final String OTHER_CRATE = "CRATE-10";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldMoveDeviceWithItsCrateWhenCrateIsShipped() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE));

    custody.send(shipped(CRATE, DEPARTURE));

    CustodyState device = custody.state(DEVICE);
    assertThat(device.getStatus()).isEqualTo(CustodyStatus.IN_TRANSIT);
    assertThat(device.getContainer()).isEqualTo(CRATE);
    assertThat(device.getShipmentId()).isEqualTo(shipmentOf(CRATE));
    assertThat(device.getDestinationSite()).isEqualTo(WAREHOUSE);
    assertThat(device.getCustodian()).isEqualTo(CARRIER);
  }

  @Test
  void shouldPlaceDeviceAtSiteWhenCrateIsReceivedAndUnpacked() {
    custody.send(
        assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE), shipped(CRATE, DEPARTURE));

    custody.send(received(CRATE, ARRIVAL));
    assertThat(custody.state(DEVICE).getSite()).isEqualTo(WAREHOUSE);
    assertThat(custody.state(DEVICE).getStatus()).isEqualTo(CustodyStatus.PACKED);

    custody.send(unpacked(CRATE, UNPACKING, DEVICE));
    assertThat(custody.state(DEVICE).getStatus()).isEqualTo(CustodyStatus.AT_SITE);
    assertThat(custody.state(DEVICE).getContainer()).isNull();
    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseCloneSuspectedWhenDeviceIsPackedIntoSecondCrate() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE));

    custody.send(packed(OTHER_CRATE, REPACKING, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.CLONE_SUSPECTED))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(DEVICE))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("otherContainer", CRATE));
  }

  @Test
  void shouldStaySilentWhenDeviceIsUnpackedBeforeRepacking() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE));

    custody.send(
        unpacked(CRATE, PACKING.plusSeconds(60), DEVICE).at(FACTORY),
        packed(OTHER_CRATE, REPACKING, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(DEVICE).getContainer()).isEqualTo(OTHER_CRATE);
  }

  @Test
  void shouldNameTheDeviceInViolationIdWhenCrateEventTriggersIt() {
    custody.send(assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE));

    custody.send(packed(OTHER_CRATE, REPACKING, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations())
        .extracting(Violation::getViolationId)
        .singleElement()
        .asString()
        .startsWith("CLONE_SUSPECTED:" + DEVICE + ":" + MAKER + ":packed-" + OTHER_CRATE);
  }

  @Test
  void shouldRaisePostDecommissionActivityWhenDecommissionedDeviceIsPacked() {
    custody.send(assembled(DEVICE, ASSEMBLY), decommissioned(DEVICE, PACKING).at(FACTORY));

    custody.send(packed(CRATE, REPACKING, DEVICE));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.POST_DECOMMISSION_ACTIVITY))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(DEVICE));
  }

  @Test
  void shouldGiveDeviceTheCratesSealAndShipmentWhenPackingIsReportedLast() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        sealApplied(CRATE, sealOf(CRATE), PACKING.plusSeconds(60)),
        shipped(CRATE, DEPARTURE));

    custody.send(packed(CRATE, PACKING, DEVICE));

    CustodyState device = custody.state(DEVICE);
    assertThat(device.getStatus()).isEqualTo(CustodyStatus.IN_TRANSIT);
    assertThat(device.getContainer()).isEqualTo(CRATE);
    assertThat(device.getShipmentId()).isEqualTo(shipmentOf(CRATE));
    assertThat(custody.history().of(DEVICE)).hasSize(4);
    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldCiteThePackingIntoTheOtherCrateWhenDeviceIsPackedTwice() {
    EventFixture first = packed(CRATE, PACKING, DEVICE);
    EventFixture second = packed(OTHER_CRATE, REPACKING, DEVICE);
    custody.send(assembled(DEVICE, ASSEMBLY), first);

    custody.send(second);

    custody.afterGrace();

    assertThat(custody.evidenceIds()).containsExactly(List.of(second.eventId(), first.eventId()));
  }
}
