package io.sealtrail.anomaly.alert;

import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * Alert storms fold: every per-device alert of a spike incident (each {@code ATTESTATION_FAILED} of
 * a serial whose failure the {@code ATTESTATION_FAILURE_SPIKE}'s cohort and window counted) links
 * to the spike as its parent. The spike's evidence is capped, so the serials come from the hits
 * themselves: each hit and each spike version travel keyed by cohort to {@link
 * StormMembersProcessor}, which pairs them per window whichever comes first and sends one link per
 * serial to the device incident's partition ({@code TYPE:serial}), where {@link LinkProcessor}
 * links its alert or keeps the link until the alert is raised.
 */
public final class StormLinks {
  /** For each spike type, the type of the per-device alerts that are its evidence. */
  static final Map<AlertType, AlertType> CHILD_TYPE =
      Map.of(AlertType.ATTESTATION_FAILURE_SPIKE, AlertType.ATTESTATION_FAILED);

  static final String SPIKE = "spike:";
  static final String SERIAL = "serial:";

  private StormLinks() {}

  /** A spike version as a window member: its cohort → {@code spike:<link>}, if it has children. */
  public static List<KeyValue<String, String>> spike(Alert spike) {
    if (!CHILD_TYPE.containsKey(spike.getType())) {
      return List.of();
    }
    Map<String, String> attributes = spike.getAttributes();
    StormLink link =
        new StormLink(
            spike.getAlertId(),
            Instant.parse(attributes.get("windowStart")),
            Instant.parse(attributes.get("windowEnd")));
    return List.of(
        KeyValue.pair(
            Cohort.of(spike.getSubject()).key(), SPIKE + spike.getType() + " " + link.format()));
  }

  /** A failed attestation's hit as a window member: cohort → {@code serial:<serial>}. */
  public static KeyValue<String, String> hit(String cohort, Evidence hit) {
    return KeyValue.pair(cohort, hit.getSerial() == null ? null : SERIAL + hit.getSerial());
  }
}
