package io.sealtrail.custody.detect;

import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.custody.event.Observation;
import java.util.Map;

/** Clears a held UNAUTHORIZED_FIRMWARE: the release of the image, reported after the flash. */
public record Release(String product, String imageSha256) implements Awaiting {
  static final String KIND = "release";
  static final String PRODUCT = "awaiting.product";
  static final String IMAGE = "awaiting.imageSha256";

  @Override
  public boolean metBy(Observation event) {
    return event
        .detail(FirmwareReleased.class)
        .map(r -> r.getProduct().equals(product) && r.getImageSha256().equals(imageSha256))
        .orElse(false);
  }

  @Override
  public boolean metIn(ReleaseView releases) {
    return releases.approved(product, imageSha256);
  }

  @Override
  public boolean metElsewhere() {
    return true;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of(KEY, KIND, PRODUCT, product, IMAGE, imageSha256);
  }
}
