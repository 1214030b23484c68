package io.sealtrail.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.core.AvroSchemas;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API; works against Confluent, Apicurio's ccompat API,
 * Karapace, Redpanda and the embedded server. No caching here: see {@link
 * CachedSchemaRegistryClient}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private final RestTransport transport;

  public RestSchemaRegistryClient(RegistryClientConfig config) {
    this.transport = new RestTransport(config);
  }

  @Override
  public int register(String subject, Schema schema) {
    return transport
        .send("POST", subjectPath(subject) + "/versions?normalize=false", body(schema))
        .get("id")
        .asInt();
  }

  @Override
  public SchemaVersion lookup(String subject, Schema schema) {
    return version(
        subject,
        transport.send(
            "POST", subjectPath(subject) + "?normalize=false&deleted=false", body(schema)));
  }

  @Override
  public Schema schemaById(int id) {
    return schemaOf(transport.send("GET", "/schemas/ids/" + id + "?fetchMaxId=false", null));
  }

  @Override
  public Schema schemaByGuid(UUID guid) {
    return schemaOf(transport.send("GET", "/schemas/guids/" + guid, null));
  }

  @Override
  public SchemaVersion latest(String subject) {
    return version(subject, transport.send("GET", subjectPath(subject) + "/versions/latest", null));
  }

  @Override
  public SchemaVersion version(String subject, int version) {
    return version(
        subject, transport.send("GET", subjectPath(subject) + "/versions/" + version, null));
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    transport.send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    return ints(transport.send("GET", subjectPath(subject) + "/versions", null));
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    String path = "/compatibility" + subjectPath(subject) + "/versions/latest";
    return transport.send("POST", path, body(schema)).path("is_compatible").asBoolean();
  }

  @Override
  public CompatibilityLevel compatibility(Optional<String> subject) {
    String path = configPath(subject) + (subject.isPresent() ? "?defaultToGlobal=true" : "");
    return CompatibilityLevel.parse(
        transport.send("GET", path, null).path("compatibilityLevel").asText());
  }

  @Override
  public void updateCompatibility(Optional<String> subject, CompatibilityLevel level) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("compatibility", level.name());
    transport.send("PUT", configPath(subject), body);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return ints(transport.send("DELETE", subjectPath(subject) + "?permanent=" + permanent, null));
  }

  private static ObjectNode body(Schema schema) {
    // Confluent's serializer sends toString(); the same string maximizes lookup hits everywhere.
    return JsonNodeFactory.instance.objectNode().put("schema", schema.toString());
  }

  private static Schema schemaOf(JsonNode node) {
    String type = node.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new IllegalArgumentException("Schema type " + type + " is not supported, only AVRO");
    }
    return AvroSchemas.parseLenient(node.get("schema").asText());
  }

  private static SchemaVersion version(String subject, JsonNode node) {
    return new SchemaVersion(
        node.path("subject").asText(subject),
        node.get("version").asInt(),
        node.get("id").asInt(),
        node.get("schema").asText(),
        node.path("deleted").asBoolean(false));
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  private static String configPath(Optional<String> subject) {
    return subject.map(s -> "/config/" + encode(s)).orElse("/config");
  }

  /** Subjects may hold '.', ':', '/' or spaces: one path segment, percent-encoded (P16). */
  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
