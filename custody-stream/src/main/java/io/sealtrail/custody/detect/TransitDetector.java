package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CLONE_SUSPECTED when a serial is reported at two sites closer in time than the configured least
 * travel time between them. Products are released from anywhere and a lot is many parts that
 * several sites receive, so neither is judged.
 */
final class TransitDetector implements Detector {
  private static final Set<SerialKind> NOT_ONE_ITEM =
      EnumSet.of(SerialKind.PRODUCT, SerialKind.LOT);
  private final DetectionRules rules;

  TransitDetector(DetectionRules rules) {
    this.rules = rules;
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (prior == null || prior.getSite() == null || NOT_ONE_ITEM.contains(prior.getKind())) {
      return List.of();
    }
    Duration needed = rules.minTransit(prior.getSite(), event.site());
    Duration apart = Duration.between(prior.getLastSeenAt(), event.occurredAt()).abs();
    if (apart.compareTo(needed) >= 0) {
      return List.of();
    }
    String summary =
        String.format(
            "%s at %s %s after %s, which takes at least %s",
            event.serial(), event.site(), apart, prior.getSite(), needed);
    return List.of(
        Finding.of(
            AlertType.CLONE_SUSPECTED,
            event,
            summary,
            Map.of("previousSite", prior.getSite(), "minTransit", needed.toString())));
  }
}
