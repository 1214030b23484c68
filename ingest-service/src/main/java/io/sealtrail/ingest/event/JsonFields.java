package io.sealtrail.ingest.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.trust.event.StreamPosition;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Typed, pointer-aware access to the fields of one JSON object of an event. Every failure names the
 * JSON pointer of the offending field.
 */
final class JsonFields {

  private static final int MAX_TEXT = 256;
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-f]{2})+");

  private final JsonNode object;
  private final String pointer;

  private JsonFields(JsonNode object, String pointer) {
    this.object = object;
    this.pointer = pointer;
  }

  static JsonFields of(JsonNode node, String pointer) {
    if (node == null || !node.isObject()) {
      throw new SchemaViolation(pointer, "must be a JSON object");
    }
    return new JsonFields(node, pointer);
  }

  /** Refuses fields the contract does not define: a signer must not sign what we ignore. */
  JsonFields only(Set<String> allowed) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new SchemaViolation(at(name), "unknown field");
      }
    }
    return this;
  }

  JsonFields object(String name) {
    return of(object.get(name), at(name));
  }

  String text(String name) {
    JsonNode node = required(name);
    if (!node.isTextual()) {
      throw new SchemaViolation(at(name), "must be a string");
    }
    String value = node.textValue();
    if (value.isBlank()) {
      throw new SchemaViolation(at(name), "must not be blank");
    }
    if (value.length() > MAX_TEXT) {
      throw new SchemaViolation(at(name), "must be at most " + MAX_TEXT + " characters");
    }
    return value;
  }

  String optionalText(String name) {
    return isAbsent(name) ? null : text(name);
  }

  String hex(String name, int bytes) {
    String value = text(name);
    if (!HEX.matcher(value).matches() || (bytes > 0 && value.length() != bytes * 2)) {
      String size = bytes > 0 ? bytes * 2 + " " : "";
      throw new SchemaViolation(at(name), "must be " + size + "lowercase hex digits");
    }
    return value;
  }

  /** A non-empty array of {@code bytes}-long lowercase hex strings. */
  List<String> hexes(String name, int bytes) {
    List<String> values =
        array(
            name,
            (node, at) -> {
              if (!node.isTextual()
                  || !HEX.matcher(node.textValue()).matches()
                  || node.textValue().length() != bytes * 2) {
                throw new SchemaViolation(at, "must be " + bytes * 2 + " lowercase hex digits");
              }
              return node.textValue();
            });
    if (values.isEmpty()) {
      throw new SchemaViolation(at(name), "must not be empty");
    }
    return values;
  }

  String optionalHex(String name, int bytes) {
    return isAbsent(name) ? null : hex(name, bytes);
  }

  ByteBuffer base64(String name) {
    String value = text(name);
    try {
      byte[] decoded = Base64.getDecoder().decode(value);
      if (!Base64.getEncoder().encodeToString(decoded).equals(value)) {
        throw new IllegalArgumentException("not canonical");
      }
      return ByteBuffer.wrap(decoded);
    } catch (IllegalArgumentException e) {
      throw new SchemaViolation(at(name), "must be canonical standard base64");
    }
  }

  boolean bool(String name) {
    JsonNode node = required(name);
    if (!node.isBoolean()) {
      throw new SchemaViolation(at(name), "must be true or false");
    }
    return node.booleanValue();
  }

  Boolean optionalBool(String name) {
    return isAbsent(name) ? null : bool(name);
  }

  long nonNegativeLong(String name) {
    JsonNode node = required(name);
    if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.longValue() < 0) {
      throw new SchemaViolation(at(name), "must be a non-negative integer");
    }
    return node.longValue();
  }

  /** An RFC 3339 timestamp in UTC ({@code Z} or {@code +00:00}). */
  Instant utcInstant(String name) {
    String value = text(name);
    try {
      OffsetDateTime time = OffsetDateTime.parse(value);
      if (!time.getOffset().equals(ZoneOffset.UTC)) {
        throw new SchemaViolation(at(name), "must be in UTC (Z)");
      }
      return time.toInstant();
    } catch (DateTimeParseException e) {
      throw new SchemaViolation(
          at(name), "must be an RFC 3339 timestamp, e.g. 2026-11-21T08:00:00Z");
    }
  }

  List<String> texts(String name) {
    return array(
        name,
        (node, at) -> {
          if (!node.isTextual() || node.textValue().isBlank()) {
            throw new SchemaViolation(at, "must be a non-blank string");
          }
          return node.textValue();
        });
  }

  <T> List<T> array(String name, BiFunction<JsonNode, String, T> element) {
    JsonNode node = required(name);
    if (!node.isArray()) {
      throw new SchemaViolation(at(name), "must be an array");
    }
    List<T> values = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      values.add(element.apply(node.get(i), at(name) + "/" + i));
    }
    return values;
  }

  /** The object's stream position (trust's {@link StreamPosition#read}), if it has one. */
  Optional<StreamPosition> position() {
    return StreamPosition.read(object);
  }

  boolean isAbsent(String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull();
  }

  private JsonNode required(String name) {
    if (isAbsent(name)) {
      throw new SchemaViolation(at(name), "is required");
    }
    return object.get(name);
  }

  String at(String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
