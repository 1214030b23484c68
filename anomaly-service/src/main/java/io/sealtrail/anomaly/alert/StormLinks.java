package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;

/**
 * Alert storms fold: the per-device alerts that are the evidence of a spike incident (each failed
 * attestation's {@code ATTESTATION_FAILED} counted in an {@code ATTESTATION_FAILURE_SPIKE}) link to
 * the spike as their parent. The spike's partition does not hold the device alerts, so each link
 * travels to the device incident's partition keyed by that incident ({@code TYPE:serial}); there
 * the device's unresolved alert takes the parent id ({@link LinkProcessor}). Only the serials in
 * the spike's evidence are linked (the first {@code max-evidence} hits of its window and the
 * latest), so a burst larger than that leaves its last devices unfolded.
 */
public final class StormLinks {
  /** For each spike type, the type of the per-device alerts that are its evidence. */
  static final Map<AlertType, AlertType> CHILD_TYPE =
      Map.of(AlertType.ATTESTATION_FAILURE_SPIKE, AlertType.ATTESTATION_FAILED);

  private StormLinks() {}

  /** Device incident {@code TYPE:serial} → the spike's alert id, one per evidenced serial. */
  public static List<KeyValue<String, String>> of(Alert spike) {
    AlertType child = CHILD_TYPE.get(spike.getType());
    if (child == null) {
      return List.of();
    }
    return spike.getEvidence().stream()
        .map(Evidence::getSerial)
        .filter(Objects::nonNull)
        .distinct()
        .map(serial -> KeyValue.pair(child + ":" + serial, spike.getAlertId()))
        .toList();
  }
}
