package io.sealtrail.registry.server;

import static io.sealtrail.registry.testing.RestCalls.json;
import static io.sealtrail.registry.testing.RestCalls.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import io.sealtrail.registry.core.AvroSchemas;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaVersion;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.RestCalls.Answer;
import io.sealtrail.registry.testing.TestRegistries;
import io.sealtrail.testing.EmbeddedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The spec's documented REST flow (§8.1) and error codes, over HTTP, against a real broker. */
@Timeout(120)
class SchemaRegistryServerIT {
  private static final String STRING = schemaBody("{\"type\": \"string\"}");
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @Test
  void shouldAnswerDocumentedFlowWhenReplayedOverHttp() throws IOException {
    JsonNode steps =
        RestCalls.json(
            new String(
                getClass().getResourceAsStream("/documented-flow.json").readAllBytes(),
                StandardCharsets.UTF_8));
    try (SchemaRegistryServer server =
        TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());

      for (JsonNode step : steps) {
        String body = step.has("body") ? step.get("body").toString() : null;
        Answer answer =
            rest.send(
                step.get("method").asText(),
                step.get("path").asText(),
                body,
                "application/vnd.schemaregistry.v1+json");

        assertThat(answer.status())
            .as("%s status, answer %s", step.get("step"), answer.body())
            .isEqualTo(step.get("status").asInt());
        assertThat(step.has("json") ? answer.body() : answer.body().get("error_code"))
            .as("%s answer", step.get("step"))
            .isEqualTo(step.has("json") ? step.get("json") : step.get("errorCode"));
      }
    }
  }

  @Test
  void shouldAnswer42209WhenSchemaOrBodyIsTooLarge() {
    try (SchemaRegistryServer server =
        TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());
      String twoMegabyteDoc =
          "{\"type\":\"record\",\"name\":\"r\",\"doc\":\""
              + "d".repeat(2 * 1024 * 1024)
              + "\",\"fields\":[]}";

      Answer recordTooLarge = rest.post("/subjects/big-value/versions", schemaBody(twoMegabyteDoc));
      Answer bodyTooLarge =
          rest.post(
              "/subjects/big-value/versions",
              schemaBody("\"" + "x".repeat(RestRouter.MAX_BODY_BYTES) + "\""));

      assertThat(recordTooLarge.errorCode()).isEqualTo(42209);
      assertThat(bodyTooLarge.errorCode()).isEqualTo(42209);
      assertThat(rest.post("/subjects/small-value/versions", STRING).status()).isEqualTo(200);
    }
  }

  @Test
  void shouldAnswerConfluentErrorCodesWhenRequestsFail() {
    try (SchemaRegistryServer server =
        TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());
      rest.post(
          "/subjects/s/versions",
          schemaBody(
              "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"type\":\"string\",\"name\":\"f1\"}]}"));

      Answer incompatible =
          rest.post(
              "/subjects/s/versions",
              schemaBody(
                  "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"type\":\"string\",\"name\":\"f1\"},{\"type\":\"string\",\"name\":\"f2\"}]}"));
      Answer invalid =
          rest.post(
              "/subjects/s/versions",
              schemaBody(
                  "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"type\":\"str\",\"name\":\"field1\"}]}"));
      Answer unknownId = rest.get("/schemas/ids/100");
      Answer unknownSubject = rest.post("/subjects/never", STRING);
      Answer unknownPath = rest.get("/associations/resources/x");
      Answer badVersion = rest.get("/subjects/s/versions/0");
      Answer badLevel = rest.put("/config", "{\"compatibility\":\"INVALID\"}");

      expectError(incompatible, 409, 40901);
      assertThat(incompatible.body().path("message").asText())
          .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
      expectError(invalid, 422, 42201);
      assertThat(invalid.body().path("message").asText()).contains("Undefined schema: str");
      expectError(unknownId, 404, 40403);
      assertThat(unknownId.body().path("message").asText()).isEqualTo("Schema 100 not found");
      expectError(unknownSubject, 404, 40401);
      assertThat(unknownSubject.body().path("message").asText())
          .isEqualTo("Subject 'never' not found.");
      expectError(unknownPath, 404, 404);
      expectError(badVersion, 422, 42202);
      expectError(badLevel, 422, 42203);
      assertThat(incompatible.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }
  }

  @Test
  void shouldAcceptPlainJsonAndOctetStreamBodiesAndEncodedSubjects() {
    try (SchemaRegistryServer server =
        TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());

      Answer json =
          rest.send("POST", "/subjects/com.acme%2Fa%20b/versions", STRING, "application/json");
      Answer octets =
          rest.send("POST", "/subjects/other/versions", STRING, "application/octet-stream");

      expect(
          json,
          200,
          "{\"id\":1,\"version\":1,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}");
      expect(
          octets,
          200,
          "{\"id\":1,\"version\":1,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}");
      expect(rest.get("/subjects"), 200, "[\"com.acme/a b\",\"other\"]");
      expect(
          rest.get("/schemas/ids/1/versions"),
          200,
          "[{\"subject\":\"com.acme/a b\",\"version\":1},{\"subject\":\"other\",\"version\":1}]");
      expect(
          rest.get("/schemas/guids/095d71cf-1255-6b9d-5e33-0ad575b3df5d"),
          200,
          "{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}");
      expect(rest.get("/schemas/types"), 200, "[\"AVRO\"]");
      expect(rest.get("/"), 200, "{}");
    }
  }

  @Test
  void shouldSeedExplicitIdsWhenModeIsImport() {
    try (SchemaRegistryServer server =
        TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());
      String withId = "{\"schema\":\"\\\"string\\\"\",\"id\":123,\"version\":1}";
      expectError(rest.post("/subjects/s/versions", withId), 422, 42205);

      expect(rest.put("/mode", "{\"mode\":\"IMPORT\"}"), 200, "{\"mode\":\"IMPORT\"}");
      expect(
          rest.post("/subjects/s/versions", withId),
          200,
          "{\"id\":123,\"version\":1,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}");
      expectError(rest.post("/subjects/t/versions", STRING), 422, 42205);
      expect(rest.put("/mode", "{\"mode\":\"READWRITE\"}"), 200, "{\"mode\":\"READWRITE\"}");

      expect(
          rest.get("/schemas/ids/123"),
          200,
          "{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}");
      expect(
          rest.post("/subjects/t/versions", schemaBody("\"long\"")),
          200,
          "{\"id\":124,\"version\":1,\"guid\":\"e1dd9a1e-f98b-451b-5369-0370b393966b\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"long\\\"\"}");
      expectError(rest.get("/mode/t"), 404, 40409);
    }
  }

  @Test
  void shouldAnswerTypedClientCallsWhenClientTalksToServer() {
    try (SchemaRegistryServer server =
        TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"))) {
      SchemaRegistryClient client =
          SchemaRegistryClients.create(Map.of("schema.registry.url", server.url().toString()));
      Schema v1 =
          new Schema.Parser()
              .parse(
                  "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
      Schema v2 =
          new Schema.Parser()
              .parse(
                  "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");

      int id = client.register("r-value", v1);
      client.updateCompatibility(Optional.of("r-value"), CompatibilityLevel.FORWARD);

      assertThat(client.lookup("r-value", v1))
          .isEqualTo(new SchemaVersion("r-value", 1, id, v1.toString(), false));
      assertThat(client.schemaById(id)).isEqualTo(v1);
      assertThat(client.schemaByGuid(AvroSchemas.guid(v1.toString()))).isEqualTo(v1);
      assertThat(client.latest("r-value").version()).isEqualTo(1);
      assertThat(client.subjects()).containsExactly("r-value");
      assertThat(client.versions("r-value")).containsExactly(1);
      assertThat(client.compatibility(Optional.of("r-value")))
          .isEqualTo(CompatibilityLevel.FORWARD);
      assertThat(client.compatibility(Optional.empty())).isEqualTo(CompatibilityLevel.BACKWARD);
      assertThat(client.isCompatible("r-value", v2)).isTrue();
      assertThat(client.deleteSubject("r-value", false)).containsExactly(1);
    }
  }

  static void expect(Answer answer, int status, String body) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.body()).isEqualTo(json(body));
  }

  static void expectError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.errorCode()).as("error_code of %s", answer.body()).isEqualTo(errorCode);
  }
}
