package io.sealtrail.trust.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.trust.json.JsonDefects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Reads and writes the policy document ({@link PolicyDocument}); the defaults ship as the resource
 * {@code default-policy.json}. Reading is strict: an unknown key, an unknown event type, a role a
 * threshold or co-signature names that {@code mayReport} does not define, a duration that is not
 * ISO-8601 (or not positive where it bounds an age or a shipment), a lane listed twice, each is an
 * {@link InvalidPolicyException} naming the JSON pointer of the field. Every section may be left
 * out: it is then empty, or the contract's defaults (30 days of event age, 1 hour and 7 days of
 * transit). Writing gives one canonical JSON per document (sorted), the bytes the policy topic
 * holds, {@code GET /v1/policy} answers and the audit log digests.
 */
public final class PolicyJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /**
   * The longest duration a policy may give (100 years). Ingest subtracts an age bound from the
   * receipt time and custody-stream adds a transit maximum to a shipment's time: a duration beyond
   * {@link java.time.Instant}'s range (ISO-8601 allows up to 2^63 seconds) would make every such
   * step throw, on every event, for as long as the policy is in force.
   */
  static final Duration MAX_DURATION = Duration.ofDays(36_500);

  private static final Set<String> TOP =
      Set.of(
          "version",
          "mayReport",
          "signatureThresholds",
          "coSignatures",
          "maxEventAge",
          "transit",
          "approvedSuppliers",
          "certificateRequired");

  private PolicyJson() {}

  public static Policy defaults() {
    return defaultDocument().policy();
  }

  /** The shipped {@code default-policy.json}: version 1. */
  static PolicyDocument defaultDocument() {
    try (InputStream in = PolicyJson.class.getResourceAsStream("default-policy.json")) {
      if (in == null) {
        throw new IllegalStateException("default-policy.json is missing from the trust jar");
      }
      return document(in.readAllBytes(), 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the {@link Policy} part of a policy document (see {@link #document}). */
  public static Policy read(InputStream json) throws IOException {
    return document(json.readAllBytes(), 1).policy();
  }

  /**
   * Reads a policy document as the given {@code version}: the document's own {@code version}, if
   * any, must be a positive integer and is otherwise ignored (the server assigns versions).
   *
   * @throws InvalidPolicyException naming the offending field
   */
  public static PolicyDocument document(byte[] json, int version) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // In Sealtrail's words: Jackson's own messages name its classes and settings.
      throw new InvalidPolicyException("", "not a JSON document: " + JsonDefects.describe(e));
    } catch (IOException e) {
      // Not a parse error to Jackson but the client's all the same: e.g. CharConversionException
      // for bytes that are not the UTF-32 their first four bytes announce.
      throw new InvalidPolicyException(
          "", "not a JSON document: not readable as UTF-8, UTF-16 or UTF-32 text");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPolicyException("", "a policy is a JSON object");
    }
    onlyKeys(root, "", TOP);
    JsonNode given = root.get("version");
    if (given != null
        && !(given.canConvertToInt() && given.isIntegralNumber() && given.intValue() > 0)) {
      throw new InvalidPolicyException("/version", "a version is a positive integer, got " + given);
    }
    Map<String, Set<EventType>> mayReport =
        entries(root, "/mayReport", (value, at) -> eventTypes(value, at));
    Set<String> roles = mayReport.keySet();
    Policy policy =
        new Policy(
            mayReport,
            typed(root, "/signatureThresholds", (value, at) -> threshold(value, at, roles)),
            typed(root, "/coSignatures", (value, at) -> coSignature(value, at, roles)),
            maxEventAge(root.get("maxEventAge")));
    return new PolicyDocument(
        version,
        policy,
        transit(root.get("transit")),
        entries(root, "/approvedSuppliers", PolicyJson::names),
        root.has("certificateRequired")
            ? names(root.get("certificateRequired"), "/certificateRequired")
            : Set.of());
  }

  /**
   * Reads a document as the policy topic holds it: its {@code version} is required and is the
   * version.
   */
  public static PolicyDocument stored(byte[] json) {
    PolicyDocument read = document(json, 1);
    JsonNode version;
    try {
      version = MAPPER.readTree(json).get("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (version == null) {
      throw new InvalidPolicyException("/version", "a stored policy names its version");
    }
    return read.withVersion(version.intValue());
  }

  /** The canonical JSON of {@code document}, its version included. */
  public static byte[] write(PolicyDocument document) {
    ObjectNode root = MAPPER.createObjectNode();
    Policy policy = document.policy();
    root.put("version", document.version());
    ObjectNode mayReport = root.putObject("mayReport");
    new TreeMap<>(policy.mayReport())
        .forEach((role, types) -> strings(mayReport.putArray(role), sortedNames(types)));
    ObjectNode thresholds = root.putObject("signatureThresholds");
    new TreeMap<>(policy.thresholds())
        .forEach(
            (type, t) ->
                thresholds
                    .putObject(type.name())
                    .put("role", t.role())
                    .put("distinctKeys", t.distinctKeys())
                    .put("distinct", t.distinct().jsonName()));
    ObjectNode coSignatures = root.putObject("coSignatures");
    new TreeMap<>(policy.coSignatures())
        .forEach(
            (type, c) ->
                coSignatures
                    .putObject(type.name())
                    .put("role", c.role())
                    .put("flagWhenMissing", c.flagWhenMissing()));
    ObjectNode age = root.putObject("maxEventAge");
    age.put("default", policy.maxEventAge().byDefault().toString());
    ObjectNode byType = age.putObject("byType");
    new TreeMap<>(policy.maxEventAge().byType())
        .forEach((t, d) -> byType.put(t.name(), d.toString()));
    Transit transit = document.transit();
    ObjectNode lanes = root.putObject("transit");
    lanes.put("defaultMin", transit.defaultMin().toString());
    lanes(lanes.putArray("min"), transit.min());
    lanes.put("defaultMax", transit.defaultMax().toString());
    lanes(lanes.putArray("max"), transit.max());
    ObjectNode suppliers = root.putObject("approvedSuppliers");
    new TreeMap<>(document.approvedSuppliers())
        .forEach((part, names) -> strings(suppliers.putArray(part), new TreeSet<>(names)));
    strings(root.putArray("certificateRequired"), new TreeSet<>(document.certificateRequired()));
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a policy", e);
    }
  }

  private static void lanes(ArrayNode array, List<Transit.Lane> lanes) {
    for (Transit.Lane lane : lanes) {
      ObjectNode node = array.addObject();
      strings(node.putArray("between"), List.of(lane.a(), lane.b()));
      node.put("duration", lane.duration().toString());
    }
  }

  private static void strings(ArrayNode array, Iterable<String> values) {
    values.forEach(array::add);
  }

  private static List<String> sortedNames(Set<EventType> types) {
    return types.stream().map(EventType::name).sorted().toList();
  }

  /**
   * {@code "maxEventAge": {"default": "P30D", "byType": {"FIRMWARE_RELEASED": "P365D"}}}, ISO-8601
   * durations; absent parts are the contract's 30 days.
   */
  private static MaxEventAge maxEventAge(JsonNode node) {
    if (node == null) {
      return MaxEventAge.of(MaxEventAge.DEFAULT);
    }
    object(node, "/maxEventAge");
    onlyKeys(node, "/maxEventAge", Set.of("default", "byType"));
    JsonNode byDefault = node.get("default");
    return new MaxEventAge(
        byDefault == null ? MaxEventAge.DEFAULT : positive(byDefault, "/maxEventAge/default"),
        typed(node, "/maxEventAge/byType", PolicyJson::positive));
  }

  private static Transit transit(JsonNode node) {
    if (node == null) {
      return Transit.DEFAULTS;
    }
    object(node, "/transit");
    onlyKeys(node, "/transit", Set.of("defaultMin", "min", "defaultMax", "max"));
    Transit defaults = Transit.DEFAULTS;
    return new Transit(
        node.has("defaultMin")
            ? nonNegative(node.get("defaultMin"), "/transit/defaultMin")
            : defaults.defaultMin(),
        lanes(node.get("min"), "/transit/min", PolicyJson::nonNegative),
        node.has("defaultMax")
            ? positive(node.get("defaultMax"), "/transit/defaultMax")
            : defaults.defaultMax(),
        lanes(node.get("max"), "/transit/max", PolicyJson::positive));
  }

  private static List<Transit.Lane> lanes(
      JsonNode node, String at, BiFunction<JsonNode, String, Duration> duration) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidPolicyException(at, "a list of {\"between\": [A, B], \"duration\": ...}");
    }
    List<Transit.Lane> lanes = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String here = at + "/" + i;
      JsonNode lane = object(node.get(i), here);
      onlyKeys(lane, here, Set.of("between", "duration"));
      JsonNode between = lane.get("between");
      if (between == null
          || !between.isArray()
          || between.size() != 2
          || !name(between.get(0))
          || !name(between.get(1))
          || between.get(0).textValue().equals(between.get(1).textValue())) {
        throw new InvalidPolicyException(
            here + "/between", "two different sites, e.g. [\"SZX-F1\", \"HAM-DC\"]");
      }
      String a = between.get(0).textValue();
      String b = between.get(1).textValue();
      if (!seen.add(Set.of(a, b))) {
        throw new InvalidPolicyException(
            here + "/between", "the lane " + a + " / " + b + " is listed twice (either way)");
      }
      JsonNode value = lane.get("duration");
      if (value == null) {
        throw new InvalidPolicyException(here + "/duration", "a lane needs a duration");
      }
      lanes.add(new Transit.Lane(a, b, duration.apply(value, here + "/duration")));
    }
    return lanes;
  }

  private static Duration positive(JsonNode value, String at) {
    Duration duration = duration(value, at);
    if (duration.isZero() || duration.isNegative()) {
      throw new InvalidPolicyException(at, "must be positive, got " + value.textValue());
    }
    return duration;
  }

  private static Duration nonNegative(JsonNode value, String at) {
    Duration duration = duration(value, at);
    if (duration.isNegative()) {
      throw new InvalidPolicyException(at, "must not be negative, got " + value.textValue());
    }
    return duration;
  }

  private static Duration duration(JsonNode value, String at) {
    try {
      if (value.isTextual()) {
        Duration duration = Duration.parse(value.textValue());
        if (duration.abs().compareTo(MAX_DURATION) > 0) {
          throw new InvalidPolicyException(
              at, "must be at most " + MAX_DURATION.toDays() + " days (P36500D), got " + value);
        }
        return duration;
      }
    } catch (DateTimeParseException e) {
      // answered below, naming the field
    }
    throw new InvalidPolicyException(
        at, "needs an ISO-8601 duration such as \"P30D\" or \"PT20H\", got " + value);
  }

  /** A section that is an object of named entries; absent means none. */
  private static <T> Map<String, T> entries(
      JsonNode root, String at, BiFunction<JsonNode, String, T> value) {
    String key = at.substring(at.lastIndexOf('/') + 1);
    JsonNode node = root.get(key);
    Map<String, T> result = new TreeMap<>();
    if (node == null) {
      return result;
    }
    object(node, at);
    node.fieldNames()
        .forEachRemaining(
            name -> {
              String here = at + "/" + escape(name);
              if (name.isBlank()) {
                throw new InvalidPolicyException(here, "a name is not blank");
              }
              result.put(name, value.apply(node.get(name), here));
            });
    return result;
  }

  /** A section keyed by event type. */
  private static <T> Map<EventType, T> typed(
      JsonNode root, String at, BiFunction<JsonNode, String, T> value) {
    Map<EventType, T> result = new EnumMap<>(EventType.class);
    entries(root, at, (node, here) -> node)
        .forEach(
            (name, node) -> {
              String here = at + "/" + escape(name);
              result.put(eventType(name, here), value.apply(node, here));
            });
    return result;
  }

  private static Set<EventType> eventTypes(JsonNode array, String at) {
    if (!array.isArray()) {
      throw new InvalidPolicyException(at, "a list of event types");
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (!item.isTextual()) {
        throw new InvalidPolicyException(at + "/" + i, "an event type name, got " + item);
      }
      types.add(eventType(item.textValue(), at + "/" + i));
    }
    return types;
  }

  private static Set<String> names(JsonNode array, String at) {
    if (!array.isArray()) {
      throw new InvalidPolicyException(at, "a list of names");
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (!name(array.get(i))) {
        throw new InvalidPolicyException(at + "/" + i, "a non-blank string, got " + array.get(i));
      }
      names.add(array.get(i).textValue());
    }
    return names;
  }

  private static SignatureThreshold threshold(JsonNode node, String at, Set<String> roles) {
    object(node, at);
    onlyKeys(node, at, Set.of("role", "distinctKeys", "distinct"));
    String role = role(node, at, roles);
    JsonNode count = node.get("distinctKeys");
    if (count == null
        || !count.isIntegralNumber()
        || !count.canConvertToInt()
        || count.intValue() < 1) {
      throw new InvalidPolicyException(
          at + "/distinctKeys", "how many distinct signers: an integer of 1 or more, got " + count);
    }
    JsonNode distinct = node.get("distinct");
    SignatureThreshold.Distinct counted = SignatureThreshold.Distinct.PARTNERS;
    if (distinct != null) {
      counted =
          Arrays.stream(SignatureThreshold.Distinct.values())
              .filter(d -> distinct.isTextual() && d.jsonName().equals(distinct.textValue()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidPolicyException(
                          at + "/distinct", "\"partners\" or \"keys\", got " + distinct));
    }
    return new SignatureThreshold(role, count.intValue(), counted);
  }

  private static CoSignature coSignature(JsonNode node, String at, Set<String> roles) {
    object(node, at);
    onlyKeys(node, at, Set.of("role", "flagWhenMissing"));
    JsonNode flag = node.get("flagWhenMissing");
    if (!name(flag)) {
      throw new InvalidPolicyException(at + "/flagWhenMissing", "a flag name is required");
    }
    return new CoSignature(role(node, at, roles), flag.textValue());
  }

  private static String role(JsonNode node, String at, Set<String> roles) {
    JsonNode role = node.get("role");
    if (!name(role)) {
      throw new InvalidPolicyException(at + "/role", "a role name is required");
    }
    if (!roles.contains(role.textValue())) {
      throw new InvalidPolicyException(
          at + "/role",
          "unknown role " + role.textValue() + "; mayReport defines " + new TreeSet<>(roles));
    }
    return role.textValue();
  }

  private static boolean name(JsonNode node) {
    return node != null && node.isTextual() && !node.textValue().isBlank();
  }

  private static JsonNode object(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw new InvalidPolicyException(at, "must be a JSON object");
    }
    return node;
  }

  private static void onlyKeys(JsonNode node, String at, Set<String> known) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw new InvalidPolicyException(
                    at + "/" + escape(name), "unknown key; known: " + new TreeSet<>(known));
              }
            });
  }

  private static EventType eventType(String name, String at) {
    try {
      return EventType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidPolicyException(at, "unknown event type '" + name + "'");
    }
  }

  /** RFC 6901: '~' and '/' in a name. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
