package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SEAL_BROKEN when a check or a receipt reports the seal broken; SEAL_MISMATCH when the seal
 * checked, shipped under or received differs from the one applied, citing the event that applied
 * it.
 */
final class SealDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    return event
        .detail(SealChecked.class)
        .map(c -> judge(prior, event, past, c.getSealId(), c.getIntact()))
        .or(
            () ->
                event
                    .detail(Received.class)
                    .map(r -> judge(prior, event, past, r.getSealId(), r.getSealIntact())))
        .or(
            () ->
                event
                    .detail(Shipped.class)
                    .map(s -> judge(prior, event, past, s.getSealId(), null)))
        .orElse(List.of());
  }

  private static List<Finding> judge(
      CustodyState prior, Observation event, Past past, String sealId, Boolean intact) {
    List<Finding> findings = new ArrayList<>();
    Map<String, String> seal = sealId == null ? Map.of() : Map.of("sealId", sealId);
    if (Boolean.FALSE.equals(intact)) {
      String summary = "seal " + sealId + " of " + event.serial() + " reported broken";
      findings.add(Finding.of(AlertType.SEAL_BROKEN, event, summary, seal));
    }
    String applied = prior == null ? null : prior.getSealId();
    if (sealId != null && applied != null && !applied.equals(sealId)) {
      String summary =
          "seal " + sealId + " reported on " + event.serial() + ", " + applied + " was applied";
      findings.add(
          Finding.of(
                  AlertType.SEAL_MISMATCH,
                  event,
                  summary,
                  Map.of("sealId", sealId, "appliedSealId", applied))
              .citing(past.latest(e -> applies(e, event.serial(), applied)), "applied " + applied));
    }
    return findings;
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
