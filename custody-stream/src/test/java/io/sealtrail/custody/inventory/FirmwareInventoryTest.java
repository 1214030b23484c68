package io.sealtrail.custody.inventory;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.inventory.FirmwareInventory.Installed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per product, which versions run on how many devices, and which devices run an image. */
class FirmwareInventoryTest {
  static final Instant RELEASES = Instant.parse("2026-02-01T08:00:00Z");
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant FIRST_FLASH = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant UPDATE = FIRST_FLASH.plus(Duration.ofDays(10));
  static final String OTHER_DEVICE = "GWX1-000043";

  private final CustodyDriver custody = new CustodyDriver();

  @BeforeEach
  void release() {
    custody.send(released("1.4.0", RELEASES), released("1.5.0", RELEASES));
  }

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldCountDevicesPerVersionWhenDevicesAreFlashed() {
    custody.send(assembled(DEVICE, ASSEMBLY), assembled(OTHER_DEVICE, ASSEMBLY));

    custody.send(
        flashed(DEVICE, "1.4.0", FIRST_FLASH), flashed(OTHER_DEVICE, "1.4.0", FIRST_FLASH));

    assertThat(custody.firmwareInventory().installedOf(PRODUCT))
        .containsExactly(new Installed("1.4.0", imageOf("1.4.0"), 2));
    assertThat(custody.firmwareInventory().devicesRunning(PRODUCT, imageOf("1.4.0")))
        .containsExactly(DEVICE, OTHER_DEVICE);
  }

  @Test
  void shouldMoveDeviceToNewVersionWhenItIsUpdated() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        assembled(OTHER_DEVICE, ASSEMBLY),
        flashed(DEVICE, "1.4.0", FIRST_FLASH),
        flashed(OTHER_DEVICE, "1.4.0", FIRST_FLASH));

    custody.send(flashed(DEVICE, "1.5.0", UPDATE));

    assertThat(custody.firmwareInventory().installedOf(PRODUCT))
        .containsExactlyInAnyOrder(
            new Installed("1.4.0", imageOf("1.4.0"), 1),
            new Installed("1.5.0", imageOf("1.5.0"), 1));
    assertThat(custody.firmwareInventory().devicesRunning(PRODUCT, imageOf("1.4.0")))
        .containsExactly(OTHER_DEVICE);
  }

  @Test
  void shouldKeepInventoryWhenSameImageIsFlashedAgain() {
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", FIRST_FLASH));

    custody.send(flashed(DEVICE, "1.4.0", UPDATE));

    assertThat(custody.firmwareInventory().installedOf(PRODUCT))
        .containsExactly(new Installed("1.4.0", imageOf("1.4.0"), 1));
  }
}
