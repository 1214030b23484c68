package io.sealtrail.anomaly.spike;

import static java.util.stream.Collectors.toSet;

import io.sealtrail.avro.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds the spiking cohorts of one kind and one window into incidents: each spike, most specific
 * first, joins every incident already raised whose evidence it shares, or else raises its own. An
 * incident is the alert of its most specific cohort, naming the others in {@code alsoSpiking} and
 * linking their charts (see ADR 6 for why "most specific" is the smallest count).
 */
public final class SpikeFold {
  /**
   * Finer cohorts first: a station or key sits inside a site or partner, a lot inside a supplier,
   * an operator's flashes among a product's, a partner's rejections among an event type's.
   */
  static final List<String> SPECIFICITY =
      List.of(
          "station",
          "operator",
          "key",
          "lot",
          "partner",
          "site",
          "supplier",
          "eventType",
          "product",
          "firmware");

  static final String ALSO_SPIKING = "alsoSpiking";

  private static final Comparator<Alert> MOST_SPECIFIC_FIRST =
      Comparator.<Alert>comparingLong(a -> Long.parseLong(a.getAttributes().get("count")))
          .thenComparingInt(a -> SPECIFICITY.indexOf(cohort(a).dimension()))
          .thenComparing(a -> cohort(a).key());

  private SpikeFold() {}

  /** One alert per incident among {@code spikes}, each the alert its spike would open alone. */
  public static List<Alert> fold(List<Alert> spikes) {
    return incidents(List.of(), spikes).stream().map(SpikeFold::alertOf).toList();
  }

  /**
   * The {@code earlier} incidents of a window (each as its spikes, the raised one first) with
   * {@code spikes} folded in: each spike, most specific first, joins every incident whose raised
   * spike shares its evidence, or else raises its own. Earlier incidents come first and keep the
   * spike they were raised for, so a spike folded late joins the incident it would have joined in
   * time; a cohort an incident names already is not named twice.
   */
  static List<List<Alert>> incidents(List<List<Alert>> earlier, List<Alert> spikes) {
    List<List<Alert>> incidents = new ArrayList<>();
    earlier.forEach(incident -> incidents.add(new ArrayList<>(incident)));
    for (Alert spike : spikes.stream().sorted(MOST_SPECIFIC_FIRST).toList()) {
      List<List<Alert>> sharing =
          incidents.stream().filter(i -> shareEvidence(i.get(0), spike)).toList();
      if (sharing.isEmpty()) {
        incidents.add(new ArrayList<>(List.of(spike)));
      } else if (locates(spike, sharing, incidents.subList(0, earlier.size()))) {
        incidents.removeIf(i -> sharing.stream().anyMatch(part -> part == i));
        incidents.add(takenOver(spike, sharing));
      } else {
        sharing.stream().filter(i -> !names(i, spike)).forEach(incident -> incident.add(spike));
      }
    }
    return incidents;
  }

  /**
   * Whether {@code spike} is where the burst of several new incidents happened: it shares evidence
   * with each, and is of a finer dimension than each one's raised spike (a station whose burst
   * failed devices of two lots, each lot smaller than the station: one burst, not two). A site over
   * two bursting stations is coarser, so they stay two incidents; raised ones stay as raised.
   */
  private static boolean locates(Alert spike, List<List<Alert>> sharing, List<List<Alert>> raised) {
    int finer = SPECIFICITY.indexOf(cohort(spike).dimension());
    return sharing.size() > 1
        && sharing.stream().noneMatch(i -> raised.stream().anyMatch(r -> r == i))
        && sharing.stream()
            .allMatch(i -> SPECIFICITY.indexOf(cohort(i.get(0)).dimension()) > finer);
  }

  private static List<Alert> takenOver(Alert spike, List<List<Alert>> parts) {
    List<Alert> incident = new ArrayList<>(List.of(spike));
    parts.stream()
        .flatMap(List::stream)
        .filter(part -> !names(incident, part))
        .forEach(incident::add);
    return incident;
  }

  /** The alert of an incident given as its spikes, the raised one first: see {@link #incidents}. */
  static Alert alertOf(List<Alert> incident) {
    return withOthers(incident.get(0), incident.subList(1, incident.size()));
  }

  /**
   * The repeat that brings the alert raised for {@code incident} up to date after late spikes
   * joined it (see {@link io.sealtrail.anomaly.alert.Alerts#repeat}): every cohort named and
   * linked, and no evidence, because the alert carries its own cohort's already and a fold in time
   * names the others without adding theirs.
   */
  static Alert lateJoin(List<Alert> incident) {
    return Alert.newBuilder(alertOf(incident)).setEvidence(new ArrayList<>()).build();
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

  /**
   * Whether two spikes of one window are one burst: they share a failing event or a failing serial.
   * Every cohort of a burst counts the same events; a serial counts too because each cohort keeps
   * only its first events as evidence, and one device failing twice in a window is one burst.
   * Separate bursts (other stations at other sites) fail other devices and share neither.
   */
  private static boolean shareEvidence(Alert a, Alert b) {
    Set<String> ids = evidenceIds(a).collect(toSet());
    return evidenceIds(b).anyMatch(ids::contains);
  }

  private static Stream<String> evidenceIds(Alert spike) {
    return spike.getEvidence().stream()
        .flatMap(e -> Stream.of("event:" + e.getEventId(), "serial:" + e.getSerial()))
        .filter(id -> !id.equals("serial:null"));
  }

  private static boolean names(List<Alert> incident, Alert spike) {
    return incident.stream().anyMatch(a -> a.getSubject().equals(spike.getSubject()));
  }

  private static Cohort cohort(Alert spike) {
    return Cohort.of(spike.getSubject());
  }
}
