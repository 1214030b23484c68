package io.sealtrail.custody.inventory;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.inventory.FirmwareInventory.Phases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer of a commissioned device is kept and cleared on decommissioning, and the firmware
 * inventory counts the devices of each image in stock, in transit and fielded.
 */
class FirmwarePhasesTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant FLASH = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant SHIPPING = FLASH.plus(Duration.ofHours(2));
  static final Instant RECEIPT = SHIPPING.plus(Duration.ofDays(1));
  static final Instant COMMISSIONING = RECEIPT.plus(Duration.ofDays(1));
  static final Instant END = COMMISSIONING.plus(Duration.ofDays(300));

  private final CustodyDriver custody = new CustodyDriver();

  @BeforeEach
  void flash() {
    custody.send(
        released("1.4.0", ASSEMBLY.minus(Duration.ofDays(7))),
        assembled(DEVICE, ASSEMBLY),
        flashed(DEVICE, "1.4.0", FLASH));
  }

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldCountADeviceInStockWhenItIsFlashedInTheFactory() {
    assertThat(phases()).isEqualTo(new Phases(0, 1, 0));
    assertThat(custody.state(DEVICE).getCustomer()).isNull();
  }

  @Test
  void shouldMoveTheDeviceFromStockToTransitToTheFieldWhenItIsShippedAndCommissioned() {
    custody.send(shipped(DEVICE, SHIPPING));
    assertThat(phases()).isEqualTo(new Phases(0, 0, 1));

    custody.send(received(DEVICE, RECEIPT), commissioned(DEVICE, COMMISSIONING));

    assertThat(phases()).isEqualTo(new Phases(1, 0, 0));
    assertThat(custody.state(DEVICE).getCustomer()).isEqualTo("stadtwerke");
  }

  @Test
  void shouldClearTheCustomerAndLeaveTheFieldWhenTheDeviceIsDecommissioned() {
    custody.send(commissioned(DEVICE, COMMISSIONING));

    custody.send(decommissioned(DEVICE, END));

    assertThat(custody.state(DEVICE).getCustomer()).isNull();
    assertThat(phases()).isEqualTo(new Phases(0, 0, 0));
    // Still running the image: the inventory's total keeps it, the fielded count does not.
    assertThat(custody.firmwareInventory().installedOf(PRODUCT))
        .containsExactly(new FirmwareInventory.Installed("1.4.0", imageOf("1.4.0"), 1));
  }

  @Test
  void shouldNotNameACustomerWhenACommissioningIsReportedAfterTheDecommissioning() {
    custody.send(decommissioned(DEVICE, END), commissioned(DEVICE, COMMISSIONING));

    assertThat(custody.state(DEVICE).getCustomer()).isNull();
    assertThat(phases()).isEqualTo(new Phases(0, 0, 0));
  }

  private Phases phases() {
    return FirmwareInventory.phasesOf(
        custody.store(InventoryStores.PHASES), PRODUCT, "1.4.0", imageOf("1.4.0"));
  }
}
