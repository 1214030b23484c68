package io.sealtrail.anomaly.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertTransition;
import io.sealtrail.avro.common.Evidence;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON form of an alert (documented in the README), used by the API, the event stream and
 * the webhook alike, so that every consumer reads the same fields.
 */
public final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  /** {@code alert} as a JSON object. */
  public static String write(Alert alert) {
    return write(tree(alert));
  }

  /** Any value made of maps, lists, strings and numbers, as JSON. */
  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps, lists and strings always serialize", e);
    }
  }

  /** {@code alert} as plain JSON values, fields in the documented order. */
  public static Map<String, Object> tree(Alert a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("alertId", a.getAlertId());
    json.put("type", a.getType().name());
    json.put("severity", a.getSeverity().name());
    json.put("status", a.getStatus().name());
    json.put(
        "subject", Map.of("kind", a.getSubject().getKind().name(), "id", a.getSubject().getId()));
    json.put("summary", a.getSummary());
    json.put("firstSeenAt", time(a.getFirstSeenAt()));
    json.put("lastSeenAt", time(a.getLastSeenAt()));
    json.put("raisedAt", time(a.getRaisedAt()));
    json.put("count", a.getCount());
    json.put("evidence", a.getEvidence().stream().map(AlertJson::evidence).toList());
    json.put("attributes", new TreeMap<>(a.getAttributes()));
    json.put("links", List.copyOf(a.getLinks()));
    json.put("history", a.getHistory().stream().map(AlertJson::transition).toList());
    // Triage: who has it, how it was judged, when it was raised and escalated, its storm's spike.
    json.put("assignee", a.getAssignee());
    json.put("outcome", a.getOutcome() == null ? null : a.getOutcome().name());
    json.put("detectedAt", time(a.getDetectedAt()));
    json.put("receivedAt", time(a.getReceivedAt()));
    json.put("escalatedAt", time(a.getEscalatedAt()));
    json.put("parentAlertId", a.getParentAlertId());
    return json;
  }

  private static Map<String, Object> evidence(Evidence e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("eventId", e.getEventId());
    json.put("partnerId", e.getPartnerId());
    json.put("payloadSha256", e.getPayloadSha256());
    json.put("serial", e.getSerial());
    json.put("occurredAt", time(e.getOccurredAt()));
    json.put("note", e.getNote());
    return json;
  }

  private static Map<String, Object> transition(AlertTransition t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", t.getStatus().name());
    json.put("at", time(t.getAt()));
    json.put("by", t.getBy());
    json.put("note", t.getNote());
    if (t.getAssignee() != null) {
      json.put("assignee", t.getAssignee());
    }
    if (t.getOutcome() != null) {
      json.put("outcome", t.getOutcome().name());
    }
    return json;
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }
}
