package io.sealtrail.epcis.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.epcis.Vocabulary;
import java.util.Collection;
import java.util.Map;

/**
 * One EPCIS event being built. It is written with the standard fields in the order of {@link
 * Vocabulary#EVENT_FIELDS}, then the extensions in the order they were added, whatever order the
 * fields were filled in: the same custody event always gives the same bytes.
 */
final class EpcisEvent {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode fields = JSON.objectNode();
  private final ObjectNode extensions = JSON.objectNode();

  EpcisEvent(String type, String action, String bizStep, String disposition) {
    fields.put("type", type);
    if (action != null) {
      fields.put("action", action);
    }
    optional("bizStep", bizStep);
    optional("disposition", disposition);
  }

  EpcisEvent put(String field, String value) {
    fields.put(field, value);
    return this;
  }

  EpcisEvent put(String field, JsonNode value) {
    fields.set(field, value);
    return this;
  }

  EpcisEvent optional(String field, String value) {
    if (value != null) {
      fields.put(field, value);
    }
    return this;
  }

  EpcisEvent uris(String field, Collection<String> values) {
    ArrayNode list = fields.putArray(field);
    values.forEach(list::add);
    return this;
  }

  /** {@code {"id": uri}}, the shape of readPoint and bizLocation. */
  EpcisEvent place(String field, String uri) {
    fields.putObject(field).put("id", uri);
    return this;
  }

  /** A one-element sourceList or destinationList: {@code [{"type": t, "source": uri}]}. */
  EpcisEvent party(String list, String element, String type, String uri) {
    fields.withArray(list).addObject().put("type", type).put(element, uri);
    return this;
  }

  /** The extension {@code sealtrail:<name>}; nothing for null. */
  EpcisEvent ext(String name, Object value) {
    if (value == null) {
      return this;
    }
    String key = Vocabulary.ext(name);
    if (value instanceof JsonNode node) {
      extensions.set(key, node);
    } else if (value instanceof Boolean bool) {
      extensions.put(key, bool);
    } else if (value instanceof Long number) {
      extensions.put(key, number);
    } else {
      extensions.put(key, value.toString());
    }
    return this;
  }

  ObjectNode json() {
    ObjectNode json = JSON.objectNode();
    for (String field : Vocabulary.EVENT_FIELDS) {
      if (fields.has(field)) {
        json.set(field, fields.get(field));
      }
    }
    for (Map.Entry<String, JsonNode> extension : extensions.properties()) {
      json.set(extension.getKey(), extension.getValue());
    }
    return json;
  }
}
