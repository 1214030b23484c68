package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Folds the spiking cohorts of one kind and one window into incidents: each spike, most specific
 * first, joins every incident already raised whose evidence it shares, or else raises its own. An
 * incident is the alert of its most specific cohort, naming the others in {@code alsoSpiking} and
 * linking their charts (see ADR 6 for why "most specific" is the smallest count).
 */
public final class SpikeFold {
  /**
   * Finer cohorts first: a station or key sits inside a site or partner, a lot inside a supplier.
   */
  static final List<String> SPECIFICITY =
      List.of("station", "key", "lot", "partner", "site", "supplier", "firmware");

  static final String ALSO_SPIKING = "alsoSpiking";

  private static final Comparator<Alert> MOST_SPECIFIC_FIRST =
      Comparator.<Alert>comparingLong(a -> Long.parseLong(a.getAttributes().get("count")))
          .thenComparingInt(a -> SPECIFICITY.indexOf(cohort(a).dimension()))
          .thenComparing(a -> cohort(a).key());

  private SpikeFold() {}

  /** One alert per incident among {@code spikes}, each the alert its spike would open alone. */
  public static List<Alert> fold(List<Alert> spikes) {
    List<Alert> incidents = new ArrayList<>();
    Map<Alert, List<Alert>> folded = new IdentityHashMap<>();
    for (Alert spike : spikes.stream().sorted(MOST_SPECIFIC_FIRST).toList()) {
      List<Alert> sharing = incidents.stream().filter(i -> shareEvidence(i, spike)).toList();
      if (sharing.isEmpty()) {
        incidents.add(spike);
        folded.put(spike, new ArrayList<>());
      }
      sharing.forEach(incident -> folded.get(incident).add(spike));
    }
    return incidents.stream().map(i -> withOthers(i, folded.get(i))).toList();
  }

  private static Alert withOthers(Alert incident, List<Alert> others) {
    if (others.isEmpty()) {
      return incident;
    }
    Map<String, String> attributes = new HashMap<>(incident.getAttributes());
    attributes.put(
        ALSO_SPIKING,
        others.stream()
            .map(o -> cohort(o).dimension() + ":" + cohort(o).value())
            .collect(Collectors.joining(",")));
    // Its own chart first, then the other cohorts' charts, then the serials' histories.
    List<String> links = new ArrayList<>(incident.getLinks().subList(0, 1));
    others.forEach(o -> links.add(o.getLinks().get(0)));
    links.addAll(incident.getLinks().subList(1, incident.getLinks().size()));
    return Alert.newBuilder(incident).setAttributes(attributes).setLinks(links).build();
  }

  private static boolean shareEvidence(Alert a, Alert b) {
    Set<String> ids =
        a.getEvidence().stream().map(Evidence::getEventId).collect(Collectors.toSet());
    return b.getEvidence().stream().map(Evidence::getEventId).anyMatch(ids::contains);
  }

  private static Cohort cohort(Alert spike) {
    return Cohort.of(spike.getSubject());
  }
}
