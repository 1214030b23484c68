package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.InstalledFirmware;
import io.sealtrail.custody.event.Observation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * MEASUREMENT_MISMATCH (attestation appraisal): a passing ATTESTED whose measurement is not among
 * those the release of the image flashed on the device expects. Judged in event-time order, so the
 * image is the one installed when the attestation happened, whatever order the flash and the
 * attestation arrived in. The release is processed on the product's partition, so the finding is
 * held until every partition has passed the attestation's grace ({@link Appraisal}) and decided
 * against the release known then. A FAIL is ATTESTATION_FAILED already: the station said so; the
 * appraisal catches a station (or a device) that says PASS for what the release does not expect.
 */
final class MeasurementDetector implements Detector {
  private final ReleaseView releases;

  MeasurementDetector(ReleaseView releases) {
    this.releases = releases;
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    InstalledFirmware firmware = prior == null ? null : prior.getFirmware();
    if (firmware == null) {
      return List.of();
    }
    return event
        .detail(Attested.class)
        .filter(a -> a.getVerdict() == AttestationResult.PASS)
        .map(
            a ->
                new Appraisal(
                    firmware.getProduct(), firmware.getImageSha256(), a.getMeasurementSha256()))
        .filter(appraisal -> !expectedNow(appraisal))
        .map(appraisal -> List.of(mismatch(event, firmware, appraisal, past)))
        .orElse(List.of());
  }

  // Silent when the release known now expects it or declares nothing; an unknown release may still
  // arrive from the product's partition, so that case is held like a mismatch.
  private boolean expectedNow(Appraisal appraisal) {
    return releases.approved(appraisal.product(), appraisal.imageSha256())
        && appraisal.metIn(releases);
  }

  private Finding mismatch(
      Observation event, InstalledFirmware firmware, Appraisal appraisal, Past past) {
    Optional<Set<String>> expected =
        releases.expectedMeasurements(firmware.getProduct(), firmware.getImageSha256());
    String summary =
        String.format(
            "%s attested PASS with measurement %s, which the release of %s %s (image %s) does not"
                + " expect",
            event.serial(),
            appraisal.measurementSha256(),
            firmware.getProduct(),
            firmware.getVersion(),
            firmware.getImageSha256());
    Map<String, String> attributes = new HashMap<>();
    attributes.put("product", firmware.getProduct());
    attributes.put("firmwareVersion", firmware.getVersion());
    attributes.put("imageSha256", firmware.getImageSha256());
    attributes.put("measurementSha256", appraisal.measurementSha256());
    // Known when the release came first, as it does but for a release reported late.
    expected.ifPresent(
        e -> attributes.put("expectedMeasurements", String.join(",", new TreeSet<>(e))));
    return Finding.of(AlertType.MEASUREMENT_MISMATCH, event, summary, attributes)
        .citing(
            past.latest(e -> flashOf(e, event.serial(), firmware.getImageSha256())),
            "flashed image " + firmware.getImageSha256())
        .unless(appraisal);
  }

  private static boolean flashOf(Observation e, String serial, String image) {
    return e.serial().equals(serial)
        && e.detail(FirmwareFlashed.class).map(f -> f.getImageSha256().equals(image)).orElse(false);
  }
}
