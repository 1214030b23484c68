package io.sealtrail.trust.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.trust.json.StrictJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the common header of a JSON custody event payload, refusing what cannot be read. */
public final class EventHeaders {
  private EventHeaders() {}

  /** Parses the header; throws {@link MalformedEventException} naming the field at fault. */
  public static EventHeader parse(byte[] payload) {
    JsonNode root = tree(payload);
    return new EventHeader(
        required(root, "eventId"),
        type(required(root, "type")),
        instant(required(root, "occurredAt")),
        required(root, "partnerId"),
        required(root, "site"),
        optional(root, "station"),
        required(root, "subject"));
  }

  /**
   * The header as claimed, when it can be read: for describing a submission that is rejected before
   * its payload is authenticated. Never trust it more than that.
   */
  public static Optional<EventHeader> tryParse(byte[] payload) {
    try {
      return Optional.of(parse(payload));
    } catch (MalformedEventException e) {
      return Optional.empty();
    }
  }

  private static JsonNode tree(byte[] payload) {
    JsonNode root;
    try {
      root = StrictJson.read(payload);
    } catch (StrictJson.Unreadable e) {
      String field = e.duplicatedField().map(pointer -> pointer.substring(1)).orElse("$");
      throw new MalformedEventException(field, e.getMessage());
    }
    if (root != null && root.isObject()) {
      return root;
    }
    throw new MalformedEventException("$", "an event is a JSON object");
  }

  private static String required(JsonNode root, String field) {
    String value = optional(root, field);
    if (value == null || value.isBlank()) {
      throw new MalformedEventException(field, "missing or empty");
    }
    return value;
  }

  private static String optional(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedEventException(field, "must be a string");
    }
    return value.textValue();
  }

  private static EventType type(String text) {
    try {
      return EventType.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("type", "unknown event type '" + text + "'");
    }
  }

  // Instant.parse also accepts other offsets (+01:00); the contract says UTC, as ingest reads it.
  private static Instant instant(String text) {
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("occurredAt", "not an RFC 3339 instant: '" + text + "'");
    }
    if (!text.endsWith("Z") && !text.endsWith("+00:00")) {
      throw new MalformedEventException("occurredAt", "not in UTC (Z or +00:00): '" + text + "'");
    }
    return instant;
  }
}
