package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * POST_DECOMMISSION_ACTIVITY when a serial is reported, or packed, shipped or received in a
 * container, after it was decommissioned: judged once every event before it must have arrived,
 * against the serial as it was then, so a decommissioning reported after the activity still raises
 * it and a late report of what happened before the decommissioning stays silent.
 */
final class DecommissionDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (prior == null
        || prior.getStatus() != CustodyStatus.DECOMMISSIONED
        || !event.occurredAt().isAfter(prior.getLastSeenAt())) {
      return List.of();
    }
    String summary = event.type() + " of " + prior.getSerial() + " after it was decommissioned";
    return List.of(
        Finding.of(
            AlertType.POST_DECOMMISSION_ACTIVITY,
            event,
            summary,
            Map.of("eventType", event.type().name())));
  }
}
