package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A product's firmware inventory: each installed version and image and the devices running it. */
@Serdeable
public record FirmwareResponse(String product, List<Image> installed) {

  /** A version and image of the product, how many devices run it and which. */
  @Serdeable
  public record Image(String version, String imageSha256, long count, List<String> serials) {}
}
