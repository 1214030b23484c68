package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.alert.AlertTransition;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alert record's own rules: how an occurrence opens an alert and how a repeat updates it. */
public final class Alerts {
  private Alerts() {}

  /** {@code TYPE:subject}: the incident an alert is about, the key it is partitioned by. */
  public static String incident(Alert alert) {
    return alert.getType() + ":" + alert.getSubject().getId();
  }

  /** A new OPEN alert for the first occurrence of an incident. */
  public static Alert open(Occurrence o, AlertRules rules) {
    return Alert.newBuilder()
        .setAlertId(o.key().alertId(o.at()))
        .setType(o.key().type())
        .setSeverity(o.severity())
        .setStatus(AlertStatus.OPEN)
        .setSubject(o.key().subject())
        .setSummary(o.summary())
        .setFirstSeenAt(o.at())
        .setLastSeenAt(o.at())
        .setRaisedAt(o.at())
        .setCount(1)
        .setEvidence(bounded(new ArrayList<>(o.evidence()), rules))
        .setAttributes(new HashMap<>(o.attributes()))
        .setLinks(new ArrayList<>(o.links()))
        .setHistory(
            new ArrayList<>(
                List.of(
                    AlertTransition.newBuilder()
                        .setStatus(AlertStatus.OPEN)
                        .setAt(o.at())
                        .setBy(null)
                        .setNote(null)
                        .build())))
        .build();
  }

  /**
   * The first occurrence of an incident as the alert it opens: raised by the service at {@code
   * detectedAt} (wall clock), for what Sealtrail received at {@code receivedAt}.
   */
  public static Alert raised(Alert occurrence, Instant detectedAt, Instant receivedAt) {
    return Alert.newBuilder(occurrence).setDetectedAt(detectedAt).setReceivedAt(receivedAt).build();
  }

  /**
   * {@code alert} with one more occurrence, given as the alert it would open on its own: counted,
   * last seen moved forward, evidence appended (bounded), links it lacks added, severity raised if
   * the repeat is worse, the latest summary and attributes kept.
   */
  public static Alert repeat(Alert alert, Alert repeat, AlertRules rules) {
    List<Evidence> evidence = new ArrayList<>(alert.getEvidence());
    evidence.addAll(repeat.getEvidence());
    Map<String, String> attributes = new HashMap<>(alert.getAttributes());
    attributes.putAll(repeat.getAttributes());
    Set<String> links = new LinkedHashSet<>(alert.getLinks());
    links.addAll(repeat.getLinks());
    return Alert.newBuilder(alert)
        .setSeverity(worse(alert.getSeverity(), repeat.getSeverity()))
        .setSummary(repeat.getSummary())
        .setLastSeenAt(later(alert.getLastSeenAt(), repeat.getLastSeenAt()))
        .setCount(alert.getCount() + 1)
        .setEvidence(bounded(evidence, rules))
        .setAttributes(attributes)
        .setLinks(new ArrayList<>(links))
        .build();
  }

  // The first piece says how the incident began, the latest how it goes on; the middle gives way.
  private static List<Evidence> bounded(List<Evidence> evidence, AlertRules rules) {
    while (evidence.size() > rules.maxEvidence()) {
      evidence.remove(1);
    }
    return evidence;
  }

  private static Severity worse(Severity a, Severity b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
