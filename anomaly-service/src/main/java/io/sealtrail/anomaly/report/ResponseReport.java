package io.sealtrail.anomaly.report;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import io.sealtrail.avro.common.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The response report: for the alerts raised in [from, to), per type and severity, how many
 * incidents, how they were judged, how many were escalated or folded under a spike, and the time to
 * detect, to acknowledge and to resolve (p50, p90, in seconds). A pure function of the alerts'
 * latest versions, which {@code custody.alerts} holds: the same topic gives the same report, before
 * and after a restart.
 *
 * <p>Times: raised is {@code detectedAt} (the service's wall clock when it opened the alert; for
 * alerts from before it was stamped, {@code raisedAt}). Time to detect from receipt is raised −
 * {@code receivedAt}; from occurrence raised − the earliest of the evidence's {@code occurredAt}
 * and {@code firstSeenAt}; both only for alerts stamped with {@code detectedAt}. Time to
 * acknowledge and to resolve: the first transition to that status − raised.
 */
public final class ResponseReport {
  private ResponseReport() {}

  /** The report as plain JSON values, rows ordered by type then severity (worst first). */
  public static Map<String, Object> of(Collection<Alert> alerts, Instant from, Instant to) {
    Map<String, Group> groups = new TreeMap<>();
    alerts.stream()
        .filter(a -> !raised(a).isBefore(from) && raised(a).isBefore(to))
        .sorted(Comparator.comparing(Alert::getAlertId))
        .forEach(
            a ->
                groups
                    .computeIfAbsent(
                        a.getType().name() + "|" + (9 - a.getSeverity().ordinal()),
                        k -> new Group(a.getType().name(), a.getSeverity().name()))
                    .add(a));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", from.toString());
    json.put("to", to.toString());
    json.put("rows", groups.values().stream().map(Group::json).toList());
    return json;
  }

  static Instant raised(Alert a) {
    return a.getDetectedAt() != null ? a.getDetectedAt() : a.getRaisedAt();
  }

  private static Optional<Instant> firstAt(Alert a, AlertStatus status) {
    return a.getHistory().stream()
        .filter(t -> t.getStatus() == status)
        .map(AlertTransition::getAt)
        .findFirst();
  }

  private static Instant earliestOccurrence(Alert a) {
    return a.getEvidence().stream()
        .map(Evidence::getOccurredAt)
        .filter(Objects::nonNull)
        .reduce(a.getFirstSeenAt(), (x, y) -> x.isBefore(y) ? x : y);
  }

  /** One (type, severity) row's tallies. */
  private static final class Group {
    private final String type;
    private final String severity;
    private long incidents;
    private long escalated;
    private long folded;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final List<Duration> fromReceipt = new ArrayList<>();
    private final List<Duration> fromOccurrence = new ArrayList<>();
    private final List<Duration> toAcknowledge = new ArrayList<>();
    private final List<Duration> toResolve = new ArrayList<>();

    Group(String type, String severity) {
      this.type = type;
      this.severity = severity;
    }

    void add(Alert a) {
      incidents++;
      if (a.getEscalatedAt() != null) {
        escalated++;
      }
      if (a.getParentAlertId() != null) {
        folded++;
      }
      String outcome =
          a.getStatus() != AlertStatus.RESOLVED
              ? "UNRESOLVED"
              : a.getOutcome() == null ? "UNKNOWN" : a.getOutcome().name();
      outcomes.merge(outcome, 1L, Long::sum);
      Instant raised = raised(a);
      if (a.getDetectedAt() != null) {
        if (a.getReceivedAt() != null) {
          fromReceipt.add(Duration.between(a.getReceivedAt(), raised));
        }
        fromOccurrence.add(Duration.between(earliestOccurrence(a), raised));
      }
      firstAt(a, AlertStatus.ACKNOWLEDGED)
          .ifPresent(t -> toAcknowledge.add(Duration.between(raised, t)));
      firstAt(a, AlertStatus.RESOLVED).ifPresent(t -> toResolve.add(Duration.between(raised, t)));
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", type);
      json.put("severity", severity);
      json.put("incidents", incidents);
      json.put("escalated", escalated);
      json.put("folded", folded);
      json.put("outcomes", outcomes);
      Map<String, Object> detect = new LinkedHashMap<>();
      detect.put("fromReceipt", Percentiles.of(fromReceipt));
      detect.put("fromOccurrence", Percentiles.of(fromOccurrence));
      json.put("timeToDetect", detect);
      json.put("timeToAcknowledge", Percentiles.of(toAcknowledge));
      json.put("timeToResolve", Percentiles.of(toResolve));
      return json;
    }
  }
}
