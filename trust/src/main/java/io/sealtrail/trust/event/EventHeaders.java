package io.sealtrail.trust.event;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the common header of a JSON custody event payload, refusing what cannot be read. */
public final class EventHeaders {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

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

  private static JsonNode tree(byte[] payload) {
    try {
      JsonNode root = MAPPER.readTree(payload);
      if (root != null && root.isObject()) {
        return root;
      }
    } catch (IOException e) {
      throw new MalformedEventException(
          "$", "not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
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

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("occurredAt", "not an RFC 3339 instant: '" + text + "'");
    }
  }
}
