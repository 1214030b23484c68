package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.custody.inventory.FirmwareInventory;
import java.util.List;

/** A product's firmware inventory: each installed version and image and the devices running it. */
@Serdeable
public record FirmwareResponse(String product, List<Image> installed) {

  /**
   * A version and image of the product, how many devices run it and which; of them, how many are
   * fielded (commissioned, not decommissioned), in stock (never commissioned, in a factory or at a
   * site) and in transit. A decommissioned device is counted in {@code count} only.
   */
  @Serdeable
  public record Image(
      String version,
      String imageSha256,
      long count,
      List<String> serials,
      long fielded,
      long stock,
      long inTransit) {

    static Image of(
        FirmwareInventory.Installed installed,
        List<String> serials,
        FirmwareInventory.Phases phases) {
      return new Image(
          installed.version(),
          installed.imageSha256(),
          installed.devices(),
          serials,
          phases.fielded(),
          phases.stock(),
          phases.inTransit());
    }
  }
}
