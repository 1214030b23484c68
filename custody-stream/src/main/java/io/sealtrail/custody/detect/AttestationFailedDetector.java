package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/** ATTESTATION_FAILED when a device reports a failed attestation. */
final class AttestationFailedDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event
        .detail(Attested.class)
        .filter(a -> a.getVerdict() == AttestationResult.FAIL)
        .map(a -> List.of(failed(a, event)))
        .orElse(List.of());
  }

  private static Finding failed(Attested attested, Observation event) {
    String summary = event.serial() + " failed attestation (counter " + attested.getCounter() + ")";
    return Finding.of(
        AlertType.ATTESTATION_FAILED,
        event,
        summary,
        Map.of("measurementSha256", attested.getMeasurementSha256()));
  }
}
