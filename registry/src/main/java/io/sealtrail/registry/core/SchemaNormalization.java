package io.sealtrail.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code normalize=true} (spec §2.10) within this registry's canonical form: custom properties are
 * sorted by key and aliases sorted, so schemas differing only in their order map to one content.
 * The result is still stored as Avro's {@code toString()}, not Confluent's normalized layout.
 */
final class SchemaNormalization {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> AVRO_KEYS =
      Set.of(
          "type",
          "name",
          "namespace",
          "doc",
          "fields",
          "symbols",
          "items",
          "values",
          "size",
          "default",
          "order",
          "aliases",
          "logicalType",
          "precision",
          "scale");

  /** Values that hold data, not schemas: never reordered. */
  private static final Set<String> DATA_KEYS = Set.of("default", "symbols", "doc");

  private SchemaNormalization() {}

  static String normalize(String text) {
    String canonical = AvroSchemas.canonical(text);
    try {
      return JSON.writeValueAsString(normalized(JSON.readTree(canonical)));
    } catch (IOException e) {
      throw Errors.invalidSchema(e.getMessage());
    }
  }

  private static JsonNode normalized(JsonNode node) {
    if (node.isArray()) {
      ArrayNode union = JSON.createArrayNode();
      node.forEach(branch -> union.add(normalized(branch)));
      return union;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode ordered = JSON.createObjectNode();
    TreeMap<String, JsonNode> custom = new TreeMap<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = node.get(name);
      if (!AVRO_KEYS.contains(name)) {
        custom.put(name, value);
      } else if (name.equals("aliases")) {
        ordered.set(name, sorted(value));
      } else {
        ordered.set(name, DATA_KEYS.contains(name) ? value : normalized(value));
      }
    }
    custom.forEach(ordered::set);
    return ordered;
  }

  private static JsonNode sorted(JsonNode aliases) {
    List<String> names = new ArrayList<>();
    aliases.forEach(a -> names.add(a.asText()));
    names.sort(null);
    ArrayNode array = JSON.createArrayNode();
    names.forEach(array::add);
    return array;
  }
}
