package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * SEAL_MISMATCH when the seal checked, shipped under or received differs from the one applied
 * before it in event time, citing the event that applied it. Judged once every event before it has
 * arrived: a re-sealing reported late decides which seal was on.
 */
final class SealMismatchDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    return event
        .detail(SealChecked.class)
        .map(SealChecked::getSealId)
        .or(() -> event.detail(Received.class).map(Received::getSealId))
        .or(() -> event.detail(Shipped.class).map(Shipped::getSealId))
        .map(sealId -> judge(prior, event, past, sealId))
        .orElse(List.of());
  }

  private static List<Finding> judge(
      CustodyState prior, Observation event, Past past, String sealId) {
    String applied = prior == null ? null : prior.getSealId();
    if (sealId == null || applied == null || applied.equals(sealId)) {
      return List.of();
    }
    String summary =
        "seal " + sealId + " reported on " + event.serial() + ", " + applied + " was applied";
    return List.of(
        Finding.of(
                AlertType.SEAL_MISMATCH,
                event,
                summary,
                Map.of("sealId", sealId, "appliedSealId", applied))
            .citing(past.latest(e -> applies(e, event.serial(), applied)), "applied " + applied));
  }

  /**
   * True when {@code e} put seal {@code sealId} on {@code serial}: applied, or shipped under it.
   */
  private static boolean applies(Observation e, String serial, String sealId) {
    String put =
        e.detail(SealApplied.class)
            .map(SealApplied::getSealId)
            .or(() -> e.detail(Shipped.class).map(Shipped::getSealId))
            .orElse(null);
    return e.serial().equals(serial) && sealId.equals(put);
  }
}
