package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * UNAUTHORIZED_FIRMWARE when a flashed image is not an approved release for the product. Held for
 * the grace, as the release may be reported just after the flash.
 */
final class UnauthorizedFirmwareDetector implements Detector {
  private final ReleaseView releases;

  UnauthorizedFirmwareDetector(ReleaseView releases) {
    this.releases = releases;
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event
        .detail(FirmwareFlashed.class)
        .filter(f -> !releases.approved(f.getProduct(), f.getImageSha256()))
        .map(f -> List.of(unauthorized(event, f)))
        .orElse(List.of());
  }

  private static Finding unauthorized(Observation event, FirmwareFlashed flash) {
    String summary =
        String.format(
            "%s flashed with %s %s, image %s, which is not an approved release",
            event.serial(), flash.getProduct(), flash.getVersion(), flash.getImageSha256());
    Map<String, String> attributes =
        Map.of(
            "product", flash.getProduct(),
            "firmwareVersion", flash.getVersion(),
            "imageSha256", flash.getImageSha256());
    return Finding.of(AlertType.UNAUTHORIZED_FIRMWARE, event, summary, attributes)
        .unless(new Release(flash.getProduct(), flash.getImageSha256()));
  }
}
