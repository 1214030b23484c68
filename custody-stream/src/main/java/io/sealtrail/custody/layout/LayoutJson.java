package io.sealtrail.custody.layout;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.trust.json.JsonDefects;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes layout documents: the body of {@code PUT /v1/layouts/{product}}, validated with
 * the JSON pointer of the first mistake ({@link LayoutException}), the answer of {@code GET}, and
 * the value of the layouts topic (every kept version). One reader serves the API and the stream, so
 * what the API accepted is what the stream enforces.
 */
public final class LayoutJson {
  static final int MAX_STEPS = 64;
  static final int MAX_NAME = 64;
  static final int MAX_THRESHOLD = 16;
  private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Set<String> DOCUMENT =
      Set.of("product", "version", "steps", "bomRevisions", "changedAt", "changedBy", "default");
  private static final Set<String> STEP =
      Set.of("name", "type", "roles", "threshold", "optional", "repeatable", "requires");
  private static final Set<String> REQUIREMENT = Set.of("require", "type");

  /** Not a device's step: a release's subject is a product, a receipt's a lot. */
  private static final Set<EventType> NOT_STEPS =
      Set.of(EventType.FIRMWARE_RELEASED, EventType.COMPONENT_RECEIVED);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private LayoutJson() {}

  /** What a PUT asks for: the steps, per BOM revision too, and the version it was based on. */
  public record Proposal(List<Step> steps, Map<String, List<Step>> bomRevisions, Long basedOn) {}

  /**
   * Reads a PUT body for {@code product}.
   *
   * @throws LayoutException naming the JSON pointer of the first mistake
   * @throws IllegalArgumentException when the body is not JSON at all
   */
  public static Proposal proposal(String product, String body) {
    JsonNode root = tree(body);
    ObjectNode doc = object(root, "", DOCUMENT);
    if (doc.has("changedAt") || doc.has("changedBy") || doc.has("default")) {
      String field =
          doc.has("changedAt") ? "changedAt" : doc.has("changedBy") ? "changedBy" : "default";
      throw new LayoutException("/" + field, field + " is the server's to set");
    }
    if (doc.has("product")
        && (!doc.get("product").isTextual() || !doc.get("product").asText().equals(product))) {
      throw new LayoutException(
          "/product", "the layout is for " + product + " (the path), not " + doc.get("product"));
    }
    Long basedOn = null;
    if (doc.has("version")) {
      JsonNode v = doc.get("version");
      // canConvertToLong: a BigInteger's asLong() keeps its low 64 bits (2^64 + 1 would be 1).
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
        throw new LayoutException("/version", "version must be a whole number from 0, got " + v);
      }
      basedOn = v.asLong();
    }
    if (!doc.has("steps")) {
      throw new LayoutException("/steps", "steps is required");
    }
    List<Step> steps = steps(doc.get("steps"), "/steps");
    Map<String, List<Step>> revisions = new LinkedHashMap<>();
    if (doc.has("bomRevisions")) {
      ObjectNode byRevision = object(doc.get("bomRevisions"), "/bomRevisions", null);
      Iterator<Map.Entry<String, JsonNode>> it = byRevision.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = "/bomRevisions/" + escaped(e.getKey());
        name(e.getKey(), at, "a BOM revision");
        revisions.put(e.getKey(), steps(e.getValue(), at));
      }
    }
    return new Proposal(steps, revisions, basedOn);
  }

  /** The layout as {@code GET} answers it; the default layout lists its rules. */
  public static ObjectNode toJson(Layout layout) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("product", layout.product());
    doc.put("version", layout.version());
    if (layout.isDefault()) {
      doc.put("default", true);
      ArrayNode rules = doc.putArray("rules");
      Layout.DEFAULT_RULES.forEach(rules::add);
    } else {
      doc.put("changedAt", layout.changedAt().toString());
      doc.put("changedBy", layout.changedBy());
    }
    doc.set("steps", stepsJson(layout.steps()));
    ObjectNode revisions = doc.putObject("bomRevisions");
    layout.bomRevisions().forEach((r, s) -> revisions.set(r, stepsJson(s)));
    return doc;
  }

  /** The value of the layouts topic for a product: every kept version. */
  public static String write(LayoutHistory history) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("product", history.product());
    ArrayNode versions = doc.putArray("versions");
    history.versions().forEach(l -> versions.add(toJson(l)));
    return doc.toString();
  }

  /** Reads a value of the layouts topic, as {@link #write} wrote it. */
  public static LayoutHistory history(String value) {
    JsonNode doc = tree(value);
    List<Layout> versions = new ArrayList<>();
    String product = doc.path("product").asText();
    for (JsonNode v : doc.path("versions")) {
      Map<String, List<Step>> revisions = new LinkedHashMap<>();
      v.path("bomRevisions")
          .fields()
          .forEachRemaining(e -> revisions.put(e.getKey(), steps(e.getValue(), "")));
      versions.add(
          new Layout(
              product,
              v.path("version").asLong(),
              instant(v.path("changedAt").asText()),
              v.path("changedBy").asText(),
              steps(v.path("steps"), "/steps"),
              revisions));
    }
    return new LayoutHistory(product, versions);
  }

  /** The JSON text of {@code node}. */
  public static String text(JsonNode node) {
    return node.toString();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time: " + text, e);
    }
  }

  private static JsonNode tree(String body) {
    if (body == null || body.isBlank()) {
      throw new LayoutException("", "the body must be a layout object");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // In Sealtrail's words: Jackson's own messages name its classes and settings.
      throw new IllegalArgumentException(JsonDefects.describe(e), e);
    }
  }

  private static List<Step> steps(JsonNode node, String at) {
    if (!node.isArray()) {
      throw new LayoutException(at, "steps must be an array of steps");
    }
    if (node.isEmpty() || node.size() > MAX_STEPS) {
      throw new LayoutException(
          at, "a layout has 1 to " + MAX_STEPS + " steps, got " + node.size());
    }
    List<Step> steps = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<EventType> types = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String here = at + "/" + i;
      Step step = step(node.get(i), here);
      if (!names.add(step.name())) {
        throw new LayoutException(here + "/name", "a second step named " + step.name());
      }
      if (!types.add(step.type())) {
        throw new LayoutException(
            here + "/type", "a second step of type " + step.type() + ": one step per event type");
      }
      steps.add(step);
    }
    return steps;
  }

  private static Step step(JsonNode node, String at) {
    ObjectNode step = object(node, at, STEP);
    String name = name(required(step, "name", at), at + "/name", "a step name");
    EventType type = type(required(step, "type", at), at + "/type");
    Set<String> roles = new LinkedHashSet<>();
    if (step.has("roles")) {
      JsonNode list = step.get("roles");
      if (!list.isArray()) {
        throw new LayoutException(at + "/roles", "roles must be an array of role names");
      }
      for (int r = 0; r < list.size(); r++) {
        JsonNode role = list.get(r);
        if (!role.isTextual() || !ROLE.matcher(role.asText()).matches()) {
          throw new LayoutException(
              at + "/roles/" + r, "a role is upper-case letters, digits and _, got " + role);
        }
        roles.add(role.asText());
      }
    }
    int threshold = 1;
    if (step.has("threshold")) {
      JsonNode t = step.get("threshold");
      if (!t.isIntegralNumber()
          || !t.canConvertToInt()
          || t.asInt() < 1
          || t.asInt() > MAX_THRESHOLD) {
        throw new LayoutException(
            at + "/threshold",
            "threshold is a whole number of distinct partners, 1 to "
                + MAX_THRESHOLD
                + ", got "
                + t);
      }
      threshold = t.asInt();
    }
    return new Step(
        name,
        type,
        roles,
        threshold,
        flag(step, "optional", at),
        flag(step, "repeatable", at),
        requirements(step.get("requires"), at + "/requires"));
  }

  private static List<Requirement> requirements(JsonNode node, String at) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new LayoutException(at, "requires must be an array of constraints");
    }
    List<Requirement> requires = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String here = at + "/" + i;
      ObjectNode r = object(node.get(i), here, REQUIREMENT);
      JsonNode kind = required(r, "require", here);
      Requirement requirement =
          switch (kind.isTextual() ? kind.asText() : "") {
            case "after" -> new Requirement.After(type(required(r, "type", here), here + "/type"));
            case "attestedSince" ->
                new Requirement.AttestedSince(type(required(r, "type", here), here + "/type"));
            case "sealed" -> new Requirement.Sealed();
            default ->
                throw new LayoutException(
                    here + "/require", "require is after, attestedSince or sealed, got " + kind);
          };
      if (requirement instanceof Requirement.Sealed && r.has("type")) {
        throw new LayoutException(here + "/type", "sealed takes no type");
      }
      requires.add(requirement);
    }
    return requires;
  }

  private static JsonNode required(ObjectNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new LayoutException(at + "/" + field, field + " is required");
    }
    return value;
  }

  private static boolean flag(ObjectNode step, String field, String at) {
    JsonNode value = step.get(field);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new LayoutException(at + "/" + field, field + " must be true or false, got " + value);
    }
    return value.asBoolean();
  }

  private static EventType type(JsonNode node, String at) {
    String text = node.isTextual() ? node.asText() : node.toString();
    for (EventType type : EventType.values()) {
      if (type.name().equals(text) && !NOT_STEPS.contains(type)) {
        return type;
      }
    }
    throw new LayoutException(at, "not an event type a device's step can be: " + node);
  }

  private static String name(JsonNode node, String at, String what) {
    if (!node.isTextual()) {
      throw new LayoutException(at, what + " must be a string, got " + node);
    }
    return name(node.asText(), at, what);
  }

  private static String name(String text, String at, String what) {
    if (text.isBlank()
        || text.length() > MAX_NAME
        || !text.strip().equals(text)
        || CONTROL.matcher(text).find()) {
      throw new LayoutException(
          at,
          what
              + " is 1 to "
              + MAX_NAME
              + " characters without control characters or surrounding spaces");
    }
    return text;
  }

  private static ObjectNode object(JsonNode node, String at, Set<String> allowed) {
    if (!(node instanceof ObjectNode object)) {
      throw new LayoutException(
          at, "expected an object, got " + node.getNodeType().name().toLowerCase());
    }
    if (allowed != null) {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new LayoutException(at + "/" + escaped(name), "unknown field " + name);
        }
      }
    }
    return object;
  }

  /** A key as a JSON pointer token (RFC 6901). */
  private static String escaped(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static ArrayNode stepsJson(List<Step> steps) {
    ArrayNode list = JSON.createArrayNode();
    for (Step s : steps) {
      ObjectNode step = list.addObject();
      step.put("name", s.name());
      step.put("type", s.type().name());
      ArrayNode roles = step.putArray("roles");
      s.roles().stream().sorted().forEach(roles::add);
      step.put("threshold", s.threshold());
      step.put("optional", s.optional());
      step.put("repeatable", s.repeatable());
      ArrayNode requires = step.putArray("requires");
      for (Requirement r : s.requires()) {
        ObjectNode req = requires.addObject().put("require", r.name());
        if (r instanceof Requirement.After a) {
          req.put("type", a.type().name());
        } else if (r instanceof Requirement.AttestedSince a) {
          req.put("type", a.type().name());
        }
      }
    }
    return list;
  }
}
