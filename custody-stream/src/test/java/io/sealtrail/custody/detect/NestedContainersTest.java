package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.fixtures.CustodyDriver;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Devices packed into cartons, cartons onto a pallet: the pallet's events reach the devices through
 * the cartons, and an unpacking at either level is judged against what was packed at that level.
 */
class NestedContainersTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant CARTON_PACKING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant PALLET_PACKING = CARTON_PACKING.plus(Duration.ofMinutes(20));
  static final Instant PALLET_SEALING = PALLET_PACKING.plus(Duration.ofMinutes(5));
  static final Instant DEPARTURE = PALLET_PACKING.plus(Duration.ofHours(1));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));
  static final Instant PALLET_UNPACKING = ARRIVAL.plus(Duration.ofMinutes(30));
  static final Instant CARTON_UNPACKING = PALLET_UNPACKING.plus(Duration.ofMinutes(30));

  static final String PALLET = "PALLET-3";
  static final String CARTON = "CARTON-1";
  static final String OTHER_DEVICE = "GWX1-000043";
  static final String STRANGER = "GWX1-000666";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  private void packedOnPalletAndShipped() {
    packedOnPalletAndShippedWith(CARTON);
  }

  private void packedOnPalletAndShippedWith(String... manifest) {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        assembled(OTHER_DEVICE, ASSEMBLY),
        packed(CARTON, CARTON_PACKING, DEVICE, OTHER_DEVICE),
        packed(PALLET, PALLET_PACKING, CARTON),
        sealApplied(PALLET, sealOf(PALLET), PALLET_SEALING),
        shippedWith(PALLET, DEPARTURE, manifest));
  }

  @Test
  void shouldMoveDeviceWithItsPalletWhenPalletIsShipped() {
    packedOnPalletAndShipped();

    CustodyState device = custody.state(DEVICE);
    assertThat(device.getStatus()).isEqualTo(CustodyStatus.IN_TRANSIT);
    assertThat(device.getContainer()).isEqualTo(CARTON);
    assertThat(custody.state(CARTON).getContainer()).isEqualTo(PALLET);
    assertThat(device.getShipmentId()).isEqualTo(shipmentOf(PALLET));
    assertThat(device.getDestinationSite()).isEqualTo(WAREHOUSE);
    assertThat(device.getCustodian()).isEqualTo(CARRIER);
    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldPlaceDeviceAtSiteAndRaiseNothingWhenPalletThenCartonAreReceivedAndUnpacked() {
    packedOnPalletAndShipped();

    custody.send(receivedWith(PALLET, ARRIVAL, CARTON));
    assertThat(custody.state(DEVICE).getSite()).isEqualTo(WAREHOUSE);
    assertThat(custody.state(DEVICE).getShipmentId()).isNull();
    custody.send(unpacked(PALLET, PALLET_UNPACKING, CARTON));
    assertThat(custody.state(DEVICE).getContainer()).isEqualTo(CARTON);
    assertThat(custody.state(DEVICE).getStatus()).isEqualTo(CustodyStatus.PACKED);
    custody.send(unpacked(CARTON, CARTON_UNPACKING, DEVICE, OTHER_DEVICE));

    CustodyState device = custody.state(DEVICE);
    assertThat(device.getStatus()).isEqualTo(CustodyStatus.AT_SITE);
    assertThat(device.getContainer()).isNull();
    assertThat(device.getCustodian()).isEqualTo(DOCK);
    assertThat(custody.state(CARTON).getContainer()).isNull();
    assertThat(custody.history().of(DEVICE)).hasSize(8);
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldAcceptReceiptScanOfDevicesWhenPalletWasShippedWithADeviceManifest() {
    packedOnPalletAndShippedWith(DEVICE, OTHER_DEVICE);

    custody.send(receivedWith(PALLET, ARRIVAL, DEVICE, OTHER_DEVICE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.history().of(DEVICE)).hasSize(6);
  }

  @Test
  void shouldRaiseManifestMismatchWhenDeviceWasSwappedOutOfCartonOnPallet() {
    packedOnPalletAndShipped();
    custody.send(
        assembled(STRANGER, ASSEMBLY),
        receivedWith(PALLET, ARRIVAL, CARTON),
        unpacked(PALLET, PALLET_UNPACKING, CARTON));

    custody.send(unpacked(CARTON, CARTON_UNPACKING, DEVICE, STRANGER));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.MANIFEST_MISMATCH))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CARTON))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("extra", STRANGER));
  }
}
