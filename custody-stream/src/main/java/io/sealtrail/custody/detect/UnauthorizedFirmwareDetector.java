package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;

/**
 * UNAUTHORIZED_FIRMWARE when a flashed image is not an approved release for the product (held for
 * the grace, as the release may be reported just after the flash), or was withdrawn at or before
 * the flash ({@link WithdrawnImage}; a flash of a released image is held for the grace too, as its
 * withdrawal may be reported late, and dropped unless one arrives).
 */
final class UnauthorizedFirmwareDetector implements Detector {
  private final ReleaseView releases;

  UnauthorizedFirmwareDetector(ReleaseView releases) {
    this.releases = releases;
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event.detail(FirmwareFlashed.class).map(f -> judge(event, f)).orElse(List.of());
  }

  private List<Finding> judge(Observation event, FirmwareFlashed flash) {
    if (!releases.approved(flash.getProduct(), flash.getImageSha256())) {
      return List.of(unauthorized(event, flash));
    }
    return releases
        .withdrawal(flash.getProduct(), flash.getImageSha256())
        .map(
            w ->
                WithdrawnImage.covers(w, event.occurredAt())
                    ? List.of(WithdrawnImage.of(event, flash, w))
                    : List.<Finding>of())
        .orElseGet(() -> List.of(WithdrawnImage.pending(event, flash)));
  }

  private static Finding unauthorized(Observation event, FirmwareFlashed flash) {
    String summary =
        String.format(
            "%s flashed with %s %s, image %s, which is not an approved release",
            event.serial(), flash.getProduct(), flash.getVersion(), flash.getImageSha256());
    return Finding.of(
            AlertType.UNAUTHORIZED_FIRMWARE, event, summary, WithdrawnImage.attributesOf(flash))
        .unless(new Release(flash.getProduct(), flash.getImageSha256()));
  }
}
