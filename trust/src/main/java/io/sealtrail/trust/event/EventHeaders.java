package io.sealtrail.trust.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.trust.json.StrictJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the common header of a JSON custody event payload, refusing what cannot be read. */
public final class EventHeaders {
  private static final Pattern RFC3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private EventHeaders() {}

  /** Parses the header; throws {@link MalformedEventException} naming the field at fault. */
  public static EventHeader parse(byte[] payload) {
    return parse(tree(payload));
  }

  /** Parses the header of the payload object {@code root}, read by {@link #tree}. */
  public static EventHeader parse(JsonNode root) {
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

  /**
   * The payload as a JSON object, read strictly; throws {@link MalformedEventException} when it is
   * not one.
   */
  public static JsonNode tree(byte[] payload) {
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

  /**
   * RFC 3339 in UTC, read strictly. {@code Instant.parse} is lenient where the contract is not: it
   * takes a leap second ({@code 23:59:60}), hour {@code 24} and years beyond four digits ({@code
   * +10000-…}), and other offsets. Each of those is a header defect, refused here as one.
   */
  private static Instant instant(String text) {
    if (!RFC3339.matcher(text).matches()) {
      throw new MalformedEventException(
          "occurredAt",
          "not an RFC 3339 instant with a four-digit year (e.g. 2026-11-21T08:00:00Z): '"
              + text
              + "'");
    }
    if (!text.endsWith("Z") && !text.endsWith("+00:00")) {
      throw new MalformedEventException("occurredAt", "not in UTC (Z or +00:00): '" + text + "'");
    }
    try {
      // ISO_OFFSET_DATE_TIME resolves strictly: hour 00-23, second 00-59, a real calendar day.
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(
          "occurredAt", "not a valid date and time (hour 00-23, second 00-59): '" + text + "'");
    }
  }
}
