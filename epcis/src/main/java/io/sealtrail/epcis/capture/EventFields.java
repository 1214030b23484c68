package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sealtrail.epcis.Vocabulary;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields of one EPCIS event (or of one object inside it), each read with the JSON pointer that
 * a rejection names. Sealtrail extensions are found under whatever prefix the document gave the
 * namespace; every other prefixed name must be declared.
 */
final class EventFields {
  private static final Set<String> EPCIS_FIELDS =
      Stream.concat(Stream.of("@context"), Vocabulary.EVENT_FIELDS.stream())
          .collect(Collectors.toUnmodifiableSet());

  private final JsonNode node;
  private final String pointer;
  private final Namespaces namespaces;
  private final Map<String, String> extensionKeys = new HashMap<>();

  private EventFields(JsonNode node, String pointer, Namespaces namespaces, Set<String> standard) {
    this.node = node;
    this.pointer = pointer;
    this.namespaces = namespaces;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String at = at(key);
      if (key.contains(":")) {
        namespaces.sealtrailName(key, at).ifPresent(name -> extensionKeys.put(name, key));
      } else if (!standard.contains(key)) {
        throw new CaptureException(
            RejectionCode.MALFORMED_EVENT,
            at,
            "'" + key + "' is no EPCIS field; an extension needs a declared prefix");
      }
    }
  }

  /** The fields of the event at {@code pointer}. */
  static EventFields event(JsonNode event, String pointer, Namespaces namespaces) {
    if (!event.isObject()) {
      throw new CaptureException(
          RejectionCode.MALFORMED_EVENT, pointer, "an event is a JSON object");
    }
    return new EventFields(event, pointer, namespaces, EPCIS_FIELDS);
  }

  /** The fields of an object inside the event (ilmd, an extension's object, a list element). */
  EventFields object(JsonNode value, String at, Set<String> standard) {
    if (!value.isObject()) {
      throw new CaptureException(RejectionCode.MALFORMED_EVENT, at, "must be a JSON object");
    }
    return new EventFields(value, at, namespaces, standard);
  }

  Namespaces namespaces() {
    return namespaces;
  }

  String pointer() {
    return pointer;
  }

  /** The pointer of {@code field} in this object (RFC 6901 escaping). */
  String at(String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  /** The standard field's value, absent for a missing field or JSON null. */
  Optional<JsonNode> get(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> text(String field) {
    return get(field).map(value -> textValue(value, at(field)));
  }

  String requiredText(String field, String why) {
    return text(field).orElseThrow(() -> missing(at(field), why));
  }

  /** The key of Sealtrail extension {@code name} as the document writes it. */
  Optional<String> extensionKey(String name) {
    return Optional.ofNullable(extensionKeys.get(name));
  }

  Optional<JsonNode> ext(String name) {
    return extensionKey(name).flatMap(this::get);
  }

  String extAt(String name) {
    return at(extensionKey(name).orElse(Vocabulary.ext(name)));
  }

  Optional<String> extText(String name) {
    return ext(name).map(value -> textValue(value, extAt(name)));
  }

  String requiredExtText(String name, String why) {
    return extText(name).orElseThrow(() -> missing(extAt(name), why));
  }

  /** The extension {@code name} as an array of non-blank strings, e.g. a release's measurements. */
  Optional<ArrayNode> extTexts(String name) {
    return ext(name)
        .map(
            value -> {
              if (!value.isArray()) {
                throw malformed(extAt(name), "must be an array of strings");
              }
              ArrayNode texts = JsonNodeFactory.instance.arrayNode();
              for (int i = 0; i < value.size(); i++) {
                texts.add(textValue(value.get(i), extAt(name) + "/" + i));
              }
              return texts;
            });
  }

  Optional<Boolean> extBoolean(String name) {
    return ext(name)
        .map(
            value -> {
              if (!value.isBoolean()) {
                throw malformed(extAt(name), "must be true or false");
              }
              return value.booleanValue();
            });
  }

  Optional<Long> extLong(String name) {
    return ext(name)
        .map(
            value -> {
              if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw malformed(extAt(name), "must be a whole number");
              }
              return value.longValue();
            });
  }

  static String textValue(JsonNode value, String at) {
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw malformed(at, "must be a non-blank string");
    }
    return value.textValue();
  }

  static CaptureException missing(String at, String why) {
    return new CaptureException(RejectionCode.MISSING_FIELD, at, why);
  }

  static CaptureException malformed(String at, String why) {
    return new CaptureException(RejectionCode.MALFORMED_EVENT, at, why);
  }
}
