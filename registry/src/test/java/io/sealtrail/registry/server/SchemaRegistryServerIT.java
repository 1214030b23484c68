package io.sealtrail.registry.server;

import static io.sealtrail.registry.testing.RestCalls.json;
import static io.sealtrail.registry.testing.RestCalls.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.testing.EmbeddedKafka;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.RestCalls.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The spec's documented REST flow (§8.1) and error codes, over HTTP, against a real broker. */
@Timeout(120)
class SchemaRegistryServerIT {
  private static final String STRING = schemaBody("{\"type\": \"string\"}");
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @Test
  void shouldAnswerDocumentedFlowWhenReplayedOverHttp() {
    try (SchemaRegistryServer server = KAFKA.startRegistry(EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());

      expect(rest.post("/subjects/Kafka-key/versions", STRING), 200, "{\"id\":1}");
      expect(rest.post("/subjects/Kafka-value/versions", STRING), 200, "{\"id\":1}");
      expect(rest.get("/subjects"), 200, "[\"Kafka-key\",\"Kafka-value\"]");
      expect(rest.get("/schemas/ids/1"), 200, "{\"schema\":\"\\\"string\\\"\"}");
      expect(rest.get("/subjects/Kafka-value/versions"), 200, "[1]");
      String d6 =
          "{\"subject\":\"Kafka-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}";
      expect(rest.get("/subjects/Kafka-value/versions/1"), 200, d6);
      expect(rest.get("/subjects/Kafka-value/versions/latest"), 200, d6);
      expect(rest.post("/subjects/Kafka-key", STRING), 200, d6.replace("Kafka-value", "Kafka-key"));
      expect(
          rest.post("/compatibility/subjects/Kafka-value/versions/latest", STRING),
          200,
          "{\"is_compatible\":true}");
      expect(rest.get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
      expect(
          rest.put("/config", "{\"compatibility\":\"NONE\"}"), 200, "{\"compatibility\":\"NONE\"}");
      expect(rest.get("/config"), 200, "{\"compatibilityLevel\":\"NONE\"}");
      expect(
          rest.put("/config/Kafka-value", "{\"compatibility\":\"FULL\"}"),
          200,
          "{\"compatibility\":\"FULL\"}");
      expect(rest.get("/config/Kafka-value"), 200, "{\"compatibilityLevel\":\"FULL\"}");
      expect(rest.delete("/config/Kafka-value"), 200, "{\"compatibilityLevel\":\"FULL\"}");
      expectError(rest.get("/config/Kafka-value"), 404, 40408);
      expect(
          rest.get("/config/Kafka-value?defaultToGlobal=true"),
          200,
          "{\"compatibilityLevel\":\"NONE\"}");
      expect(rest.delete("/subjects/Kafka-value/versions/1"), 200, "1");
      expectError(rest.get("/subjects/Kafka-value/versions"), 404, 40401);
      expect(rest.get("/subjects/Kafka-value/versions?deleted=true"), 200, "[1]");
      expect(rest.get("/schemas/ids/1"), 200, "{\"schema\":\"\\\"string\\\"\"}");
      expect(rest.post("/subjects/Kafka-value/versions", STRING), 200, "{\"id\":1}");
      expect(rest.get("/subjects/Kafka-value/versions"), 200, "[2]");
      expect(rest.get("/subjects/Kafka-value/versions?deleted=true"), 200, "[2]");
      expect(rest.delete("/subjects/Kafka-value"), 200, "[2]");
      expectError(rest.delete("/subjects/Kafka-value"), 404, 40404);
      expect(rest.get("/subjects"), 200, "[\"Kafka-key\"]");
      expect(rest.get("/subjects?deleted=true"), 200, "[\"Kafka-key\",\"Kafka-value\"]");
      expect(rest.delete("/subjects/Kafka-value?permanent=true"), 200, "[2]");
      expectError(rest.get("/subjects/Kafka-value/versions?deleted=true"), 404, 40401);
      expect(rest.get("/schemas/ids/1"), 200, "{\"schema\":\"\\\"string\\\"\"}");
      expect(rest.delete("/subjects/Kafka-key"), 200, "[1]");
      expect(rest.delete("/subjects/Kafka-key?permanent=true"), 200, "[1]");
      expectError(rest.get("/schemas/ids/1"), 404, 40403);
    }
  }

  @Test
  void shouldAnswerConfluentErrorCodesWhenRequestsFail() {
    try (SchemaRegistryServer server = KAFKA.startRegistry(EmbeddedKafka.uniqueName("_schemas"))) {
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

      expectError(incompatible, 409, 409);
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
    try (SchemaRegistryServer server = KAFKA.startRegistry(EmbeddedKafka.uniqueName("_schemas"))) {
      RestCalls rest = new RestCalls(server.url());

      Answer json =
          rest.send("POST", "/subjects/com.acme%2Fa%20b/versions", STRING, "application/json");
      Answer octets =
          rest.send("POST", "/subjects/other/versions", STRING, "application/octet-stream");

      expect(json, 200, "{\"id\":1}");
      expect(octets, 200, "{\"id\":1}");
      expect(rest.get("/subjects"), 200, "[\"com.acme/a b\",\"other\"]");
      expect(
          rest.get("/schemas/ids/1/versions"),
          200,
          "[{\"subject\":\"com.acme/a b\",\"version\":1},{\"subject\":\"other\",\"version\":1}]");
      expect(
          rest.get("/schemas/guids/095d71cf-1255-6b9d-5e33-0ad575b3df5d"),
          200,
          "{\"schema\":\"\\\"string\\\"\"}");
      expect(rest.get("/schemas/types"), 200, "[\"AVRO\"]");
      expect(rest.get("/"), 200, "{}");
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
