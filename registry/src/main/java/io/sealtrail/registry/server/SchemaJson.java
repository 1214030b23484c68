package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.core.AvroSchemas;
import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.SchemaVersion;
import java.io.IOException;

/** Confluent's JSON shapes for schemas, in requests and answers. */
final class SchemaJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaJson() {}

  /** The {@code schema} of a RegisterSchemaRequest; only AVRO without references is supported. */
  static String schemaOf(JsonNode request) {
    String type = request.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw Errors.invalidSchema(
          "schemaType " + type + " is not supported by this registry, only AVRO");
    }
    if (request.path("references").size() > 0) {
      throw Errors.invalidSchema("schema references are not supported by this registry");
    }
    JsonNode schema = request.path("schema");
    if (schema.isContainerNode()) {
      // Jackson cannot bind an object or array to RegisterSchemaRequest's String: 400 there.
      throw Errors.badRequest("The \"schema\" of the request must be a string holding the schema");
    }
    // Like Jackson binding the field: a number or boolean reads as its text, null as no schema.
    String text = schema.isValueNode() && !schema.isNull() ? schema.asText() : "";
    if (text.isBlank()) {
      throw Errors.emptySchema();
    }
    return text;
  }

  /** The request's schema, normalized when the request asks for it ({@code normalize=true}). */
  static String schemaOf(RestRequest request) {
    String schema = schemaOf(request.json());
    return request.flag("normalize") ? AvroSchemas.normalize(schema) : schema;
  }

  /**
   * The Schema entity of {@code GET /subjects/{s}/versions/{v}}, lookups and {@code GET /schemas}
   * in CP 8.x's shape: with the {@code guid} a header-mode serializer writes, and {@code
   * schemaType}.
   */
  static ObjectNode version(SchemaVersion version) {
    ObjectNode node =
        JSON.objectNode().put("subject", version.subject()).put("version", version.version());
    node.put("id", version.id()).setAll(typedSchema(version.schema()));
    if (version.deleted()) {
      node.put("deleted", true);
    }
    return node;
  }

  /**
   * The RegisterSchemaResponse of CP 8.x: besides the {@code id}, the version, and the {@code guid}
   * that Confluent's serializers (Java and JavaScript) write in header mode.
   */
  static ObjectNode registered(SchemaVersion version) {
    ObjectNode node = JSON.objectNode().put("id", version.id()).put("version", version.version());
    return node.setAll(typedSchema(version.schema()));
  }

  /** The SchemaString entity of {@code GET /schemas/ids/{id}} and {@code /schemas/guids/{g}}. */
  static ObjectNode schemaString(String schema) {
    return typedSchema(schema);
  }

  private static ObjectNode typedSchema(String schema) {
    return JSON.objectNode()
        .put("guid", AvroSchemas.guid(schema).toString())
        .put("schemaType", "AVRO")
        .put("schema", schema);
  }

  /** A stored schema as JSON, for the endpoints answering the bare schema. */
  static JsonNode raw(String schema) {
    try {
      return MAPPER.readTree(schema);
    } catch (IOException e) {
      throw new IllegalStateException("A stored schema is always valid JSON", e);
    }
  }
}
