package io.sealtrail.custody.detect;

import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.custody.event.Observation;
import java.util.Map;

/**
 * Decides a held MEASUREMENT_MISMATCH: the release of the image the device ran, as known once every
 * partition has passed the attestation's grace. It is cleared when that release expects the
 * measurement, declares no measurements, or does not exist (an image nobody released is
 * UNAUTHORIZED_FIRMWARE's, and there is nothing to appraise against).
 */
public record Appraisal(String product, String imageSha256, String measurementSha256)
    implements Awaiting {
  static final String KIND = "appraisal";
  static final String PRODUCT = "awaiting.product";
  static final String IMAGE = "awaiting.imageSha256";
  static final String MEASUREMENT = "awaiting.measurementSha256";

  static Appraisal from(Map<String, String> attributes) {
    return new Appraisal(
        attributes.get(PRODUCT), attributes.get(IMAGE), attributes.get(MEASUREMENT));
  }

  @Override
  public boolean metBy(Observation event) {
    return event
        .detail(FirmwareReleased.class)
        .filter(r -> r.getProduct().equals(product) && r.getImageSha256().equals(imageSha256))
        .map(
            r ->
                r.getExpectedMeasurements() == null
                    || r.getExpectedMeasurements().contains(measurementSha256))
        .orElse(false);
  }

  @Override
  public boolean metIn(ReleaseView releases) {
    return releases
        .expectedMeasurements(product, imageSha256)
        .map(expected -> expected.contains(measurementSha256))
        .orElse(true);
  }

  @Override
  public boolean metElsewhere() {
    return true;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of(KEY, KIND, PRODUCT, product, IMAGE, imageSha256, MEASUREMENT, measurementSha256);
  }
}
