package io.sealtrail.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request body that must be a JSON object with only {@code known} fields, read field by field;
 * each mistake is a 400 {@code invalid-request} naming the JSON pointer at fault, a body that is
 * not JSON 400 {@code bad-request}. Unknown fields are refused, so a body cannot carry an actor:
 * the actor is the authenticated caller.
 */
public final class JsonRequest {
  /** The longest text a field may hold. */
  public static final int MAX_TEXT = 1000;

  private final Map<String, JsonNode> fields;

  private JsonRequest(Map<String, JsonNode> fields) {
    this.fields = fields;
  }

  /** Reads {@code body}, a {@code what} request with only {@code known} fields. */
  public static JsonRequest read(
      JsonMapper json, @Nullable String body, Set<String> known, String what) {
    if (body == null || body.isBlank()) {
      throw invalid("", "the body must be a JSON object with " + known);
    }
    JsonNode node;
    try {
      node = json.readValue(body.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(
              "bad-request", "Unreadable JSON", HttpStatus.BAD_REQUEST, "the body is not JSON"));
    }
    if (node == null || !node.isObject()) {
      throw invalid("", "the body must be a JSON object with " + known);
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.entries()) {
      if (!known.contains(e.getKey())) {
        throw invalid(
            "/" + e.getKey().replace("~", "~0").replace("/", "~1"), // RFC 6901
            "unknown field "
                + quote(e.getKey())
                + "; a "
                + what
                + " has only "
                + known
                + " (the actor is the authenticated caller)");
      }
      fields.put(e.getKey(), e.getValue());
    }
    return new JsonRequest(fields);
  }

  /** True when the field is present and not null. */
  public boolean has(String name) {
    JsonNode value = fields.get(name);
    return value != null && !value.isNull();
  }

  /** The non-blank text of {@code name}, at most {@link #MAX_TEXT} characters. */
  public String required(String name) {
    String text = text(name);
    if (text == null) {
      throw invalid("/" + name, name + " is required");
    }
    return text;
  }

  /** The text of {@code name} when present, checked as {@link #required}. */
  @Nullable
  public String text(String name) {
    if (!has(name)) {
      return null;
    }
    JsonNode value = fields.get(name);
    if (!value.isString()) {
      throw invalid("/" + name, name + " must be a string");
    }
    String text = value.getStringValue();
    if (text.isBlank()) {
      throw invalid("/" + name, name + " must not be blank");
    }
    if (text.length() > MAX_TEXT) {
      throw invalid("/" + name, name + " is longer than " + MAX_TEXT + " characters");
    }
    return text;
  }

  /** {@code text} in quotes for a message: control characters shown as ?, long text cut. */
  public static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }

  /** A 400 {@code invalid-request} naming the field at {@code pointer}. */
  public static ProblemException invalid(String pointer, String detail) {
    return new ProblemException(
        Problem.of("invalid-request", "Request not valid", HttpStatus.BAD_REQUEST, detail)
            .field(pointer));
  }
}
