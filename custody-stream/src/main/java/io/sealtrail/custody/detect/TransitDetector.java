package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CLONE_SUSPECTED when a serial is reported at two sites closer in time than the configured least
 * travel time between them, citing the other sighting: each event is compared with the sighting
 * just before it in event time, once every event before it must have arrived, so a late sighting is
 * judged where it belongs and the one after it against it. Products are released from anywhere and
 * a lot is many parts that several sites receive, so neither is judged.
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
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    if (prior == null || prior.getSite() == null || NOT_ONE_ITEM.contains(prior.getKind())) {
      return List.of();
    }
    Instant at = event.occurredAt();
    return judge(event, prior.getSite(), prior.getLastSeenAt())
        .map(f -> f.citing(past.latestUntil(at, e -> e.site().equals(prior.getSite())), "seen"))
        .stream()
        .toList();
  }

  private Optional<Finding> judge(Observation event, String otherSite, Instant otherTime) {
    Duration needed = rules.minTransit(otherSite, event.site());
    Duration apart = Duration.between(otherTime, event.occurredAt()).abs();
    if (apart.compareTo(needed) >= 0) {
      return Optional.empty();
    }
    String summary =
        String.format(
            "%s at %s %s apart from being at %s, which takes at least %s",
            event.serial(), event.site(), apart, otherSite, needed);
    return Optional.of(
        Finding.of(
            AlertType.CLONE_SUSPECTED,
            event,
            summary,
            Map.of("previousSite", otherSite, "minTransit", needed.toString())));
  }
}
