package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * SEAL_BROKEN when a check or a receipt reports the seal broken: the event alone shows it, so it is
 * raised on arrival. A seal that differs from the one applied is {@link SealMismatchDetector}'s.
 */
final class SealDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event
        .detail(SealChecked.class)
        .map(c -> broken(event, c.getSealId(), c.getIntact()))
        .or(
            () ->
                event
                    .detail(Received.class)
                    .map(r -> broken(event, r.getSealId(), r.getSealIntact())))
        .orElse(List.of());
  }

  private static List<Finding> broken(Observation event, String sealId, Boolean intact) {
    if (!Boolean.FALSE.equals(intact)) {
      return List.of();
    }
    Map<String, String> seal = sealId == null ? Map.of() : Map.of("sealId", sealId);
    String summary = "seal " + sealId + " of " + event.serial() + " reported broken";
    return List.of(Finding.of(AlertType.SEAL_BROKEN, event, summary, seal));
  }
}
