package io.sealtrail.trust.policy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sealtrail.avro.common.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@link Policy} from JSON; the defaults ship as the resource {@code default-policy.json}.
 */
public final class PolicyJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private PolicyJson() {}

  public static Policy defaults() {
    try (InputStream in = PolicyJson.class.getResourceAsStream("default-policy.json")) {
      if (in == null) {
        throw new IllegalStateException("default-policy.json is missing from the trust jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a policy; unknown event types and malformed entries are refused with their path. */
  public static Policy read(InputStream json) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    return new Policy(
        entries(root, "mayReport", PolicyJson::eventTypes),
        typed(entries(root, "signatureThresholds", PolicyJson::threshold)),
        typed(entries(root, "coSignatures", PolicyJson::coSignature)),
        maxEventAge(root.path("maxEventAge")));
  }

  /**
   * {@code "maxEventAge": {"default": "P30D", "byType": {"FIRMWARE_RELEASED": "P365D"}}}, ISO-8601
   * durations; absent parts are the contract's 30 days.
   */
  private static MaxEventAge maxEventAge(JsonNode node) {
    JsonNode byDefault = node.get("default");
    return new MaxEventAge(
        byDefault == null ? MaxEventAge.DEFAULT : duration(byDefault, "maxEventAge/default"),
        typed(entries(node, "byType", value -> duration(value, "maxEventAge/byType"))));
  }

  private static Duration duration(JsonNode value, String where) {
    try {
      if (value.isTextual()) {
        return Duration.parse(value.textValue());
      }
    } catch (DateTimeParseException e) {
      // answered below, naming the entry
    }
    throw new IllegalArgumentException(
        "policy " + where + " needs an ISO-8601 duration such as \"P30D\", got " + value);
  }

  private static <T> Map<String, T> entries(
      JsonNode root, String section, Function<JsonNode, T> value) {
    Map<String, T> result = new HashMap<>();
    JsonNode node = root.path(section);
    node.fieldNames().forEachRemaining(name -> result.put(name, value.apply(node.get(name))));
    return result;
  }

  private static <T> Map<EventType, T> typed(Map<String, T> byName) {
    Map<EventType, T> result = new HashMap<>();
    byName.forEach((name, value) -> result.put(eventType(name), value));
    return result;
  }

  private static Set<EventType> eventTypes(JsonNode array) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    array.forEach(item -> types.add(eventType(item.asText())));
    return types;
  }

  private static SignatureThreshold threshold(JsonNode node) {
    return new SignatureThreshold(required(node, "role"), node.path("distinctKeys").asInt(0));
  }

  private static CoSignature coSignature(JsonNode node) {
    return new CoSignature(required(node, "role"), required(node, "flagWhenMissing"));
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(
          "policy entry " + node + " needs a string '" + field + "'");
    }
    return value.textValue();
  }

  private static EventType eventType(String name) {
    try {
      return EventType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("policy names an unknown event type '" + name + "'", e);
    }
  }
}
