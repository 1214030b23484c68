package io.sealtrail.registry.server;

import static io.sealtrail.registry.server.SchemaRegistryServerIT.expectError;
import static io.sealtrail.registry.testing.RestCalls.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.RestCalls.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where Confluent's registry answers in its own way (issue 19), over real HTTP against an in-memory
 * core: the answers checked against Confluent's sources (resources, rest-utils' mappers).
 */
class ConfluentAnswersTest {
  private static final String A =
      "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String B =
      "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"b\",\"type\":\"int\"}]}";
  private static final String STRING = schemaBody("\"string\"");

  private final List<SchemaRegistryServer> servers = new ArrayList<>();
  private final RestCalls rest = new RestCalls(serve(CompatibilityLevel.NONE, 40901).url());

  @AfterEach
  void stop() {
    servers.forEach(SchemaRegistryServer::close);
  }

  @Test
  void shouldListSchemaOfEveryVersionWhenGettingSchemas() {
    rest.post("/subjects/b-value/versions", schemaBody(A));
    rest.post("/subjects/b-value/versions", schemaBody(B));
    rest.post("/subjects/a-value/versions", STRING);
    rest.post("/subjects/other/versions", STRING);
    rest.delete("/subjects/b-value/versions/1");

    Answer live = rest.get("/schemas?subjectPrefix=");
    Answer withDeleted = rest.get("/schemas?deleted=true&subjectPrefix=b-");
    Answer latest = rest.get("/schemas?latestOnly=true&deleted=true");
    Answer page = rest.get("/schemas?offset=1&limit=2");

    assertThat(subjectVersions(live)).containsExactly("a-value/1", "b-value/2", "other/1");
    assertThat(live.body().get(0).path("schema").asText()).isEqualTo("\"string\"");
    assertThat(live.body().get(0).path("id").asInt()).isEqualTo(3);
    assertThat(subjectVersions(withDeleted)).containsExactly("b-value/1", "b-value/2");
    assertThat(withDeleted.body().get(0).path("deleted").asBoolean()).isTrue();
    assertThat(subjectVersions(latest)).containsExactly("a-value/1", "b-value/2", "other/1");
    assertThat(subjectVersions(page)).containsExactly("b-value/2", "other/1");
  }

  @Test
  void shouldAnswerNoReferencesWhenAskedWhoReferencesAVersion() {
    rest.post("/subjects/s/versions", schemaBody(A));
    rest.post("/subjects/s/versions", schemaBody(B));
    rest.delete("/subjects/s/versions/2");

    assertThat(rest.get("/subjects/s/versions/1/referencedby").body().toString()).isEqualTo("[]");
    assertThat(rest.get("/subjects/s/versions/latest/referencedby").body().toString())
        .isEqualTo("[]");
    // Confluent looks the version up with the soft-deleted ones.
    assertThat(rest.get("/subjects/s/versions/2/referencedby").status()).isEqualTo(200);
    expectError(rest.get("/subjects/s/versions/3/referencedby"), 404, 40402);
    expectError(rest.get("/subjects/none/versions/1/referencedby"), 404, 40401);
    expectError(rest.get("/subjects/s/versions/0/referencedby"), 422, 42202);
  }

  @Test
  void shouldAnswer400WithoutInternalsWhenBodyIsNoJsonObject() {
    Answer unreadable = rest.post("/subjects/s/versions", "{\"schema\": nope}");
    Answer truncated = rest.post("/subjects/s/versions", "{\"schema\": \"\\\"string\\\"\"");
    Answer array = rest.post("/subjects/s/versions", "[\"string\"]");
    Answer config = rest.put("/config", "compatibility=NONE");

    for (Answer answer : List.of(unreadable, truncated, array, config)) {
      expectError(answer, 400, 400);
      assertThat(answer.body().path("message").asText())
          .isNotBlank()
          .doesNotContain("Exception", "com.fasterxml", "Source", "StreamReadFeature");
    }
    assertThat(unreadable.body().path("message").asText())
        .startsWith("Unrecognized token 'nope'")
        .endsWith("at line 1, column 12");
    assertThat(rest.get("/subjects").body().toString()).isEqualTo("[]");
  }

  @Test
  void shouldAnswer42201WhenSchemaIsEmptyOrMissing() {
    for (String body :
        List.of("{}", "{\"schema\":\"\"}", "{\"schema\":\"  \"}", "{\"schema\":null}")) {
      Answer register = rest.post("/subjects/s/versions", body);
      Answer lookup = rest.post("/subjects/s", body);
      Answer check = rest.post("/compatibility/subjects/s/versions/latest", body);

      for (Answer answer : List.of(register, lookup, check)) {
        expectError(answer, 422, 42201);
        assertThat(answer.body().path("message").asText()).isEqualTo("Empty schema");
      }
    }
    expectError(rest.post("/subjects/s/versions", "{\"schema\":{\"type\":\"string\"}}"), 400, 400);
    expectError(rest.post("/subjects/s/versions", ""), 422, 422);
  }

  @Test
  void shouldNameNoJavaClassWhenSchemaDoesNotParse() {
    Answer notJson = rest.post("/subjects/s/versions", schemaBody("{\"type\": nope"));
    Answer malformed = rest.post("/subjects/s/versions", schemaBody("{\"type\":\"recordx\"}"));
    Answer noFields =
        rest.post("/subjects/s/versions", schemaBody("{\"type\":\"record\",\"name\":\"r\"}"));

    for (Answer answer : List.of(notJson, malformed, noFields)) {
      expectError(answer, 422, 42201);
      assertThat(answer.body().path("message").asText())
          .startsWith("Invalid schema: ")
          .doesNotContain("Exception", "java.", "org.apache", "com.fasterxml", "Cannot invoke");
    }
    assertThat(notJson.body().path("message").asText()).contains("Unrecognized token 'nope'");
  }

  @Test
  void shouldAnswer415WhenBodyIsOfAnotherType() {
    Answer plain = rest.send("POST", "/subjects/s/versions", STRING, "text/plain");
    Answer form =
        rest.send(
            "PUT", "/config", "{\"compatibility\":\"NONE\"}", "application/x-www-form-urlencoded");
    Answer charset =
        rest.send("POST", "/subjects/s/versions", STRING, "application/json; charset=UTF-8");
    Answer registryType =
        rest.send("POST", "/subjects/t/versions", STRING, "application/vnd.schemaregistry+json");

    expectError(plain, 415, 415);
    assertThat(plain.body().path("message").asText()).isEqualTo("HTTP 415 Unsupported Media Type");
    expectError(form, 415, 415);
    assertThat(charset.status()).isEqualTo(200);
    assertThat(registryType.status()).isEqualTo(200);
    assertThat(rest.get("/subjects").body().toString()).isEqualTo("[\"s\",\"t\"]");
    assertThat(rest.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("NONE");
  }

  @Test
  void shouldAnswer40402Or40403AsConfluentMapsThem() {
    rest.post("/subjects/s/versions", schemaBody(A));

    // A version named for a check is 40402 even when the subject does not exist.
    expectError(rest.post("/compatibility/subjects/none/versions/1", STRING), 404, 40402);
    expectError(rest.post("/compatibility/subjects/s/versions/2", STRING), 404, 40402);
    expectError(rest.get("/subjects/s/versions/2"), 404, 40402);
    expectError(rest.delete("/subjects/s/versions/2"), 404, 40402);
    // A schema not under an existing subject is 40403; ids that nothing holds are 40403 too.
    expectError(rest.post("/subjects/s", STRING), 404, 40403);
    Answer versionsOfUnknownId = rest.get("/schemas/ids/7/versions");
    expectError(versionsOfUnknownId, 404, 40403);
    assertThat(versionsOfUnknownId.body().path("message").asText()).isEqualTo("Schema not found");
    expectError(rest.get("/schemas/ids/7/subjects"), 404, 40403);
    expectError(rest.get("/schemas/ids/7"), 404, 40403);
    // JAX-RS cannot make an Integer of "abc": a plain 404, as for an unknown path.
    expectError(rest.get("/schemas/ids/abc"), 404, 404);
    expectError(rest.get("/schemas?limit=many"), 404, 404);
  }

  @Test
  void shouldDeleteNewestRecordWhenLatestIsDeletedPermanently() {
    rest.post("/subjects/s/versions", schemaBody(A));
    rest.post("/subjects/s/versions", schemaBody(B));
    rest.delete("/subjects/s");

    Answer softAgain = rest.delete("/subjects/s/versions/latest");
    Answer permanent = rest.delete("/subjects/s/versions/latest?permanent=true");

    expectError(softAgain, 404, 40406);
    assertThat(permanent.body().asInt()).isEqualTo(2);
    assertThat(rest.get("/subjects/s/versions?deleted=true").body().toString()).isEqualTo("[1]");
  }

  @Test
  void shouldAnswer40901ByDefaultAnd409WhenConfigured() {
    RestCalls legacy = new RestCalls(serve(CompatibilityLevel.BACKWARD, 409).url());
    RestCalls current = new RestCalls(serve(CompatibilityLevel.BACKWARD, 40901).url());
    for (RestCalls calls : List.of(legacy, current)) {
      calls.post("/subjects/s/versions", schemaBody(A));
    }
    String incompatible =
        schemaBody(
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"c\",\"type\":\"int\"}]}");

    expectError(legacy.post("/subjects/s/versions", incompatible), 409, 409);
    expectError(current.post("/subjects/s/versions", incompatible), 409, 40901);
  }

  @Test
  void shouldAnswerWithGuidAndTypeAsCp8WhenRegisteringAndReading() {
    String guid = "095d71cf-1255-6b9d-5e33-0ad575b3df5d"; // MD5 of "string" quoted, as a UUID
    rest.post("/subjects/first/versions", schemaBody(A));

    Answer registered = rest.post("/subjects/s/versions", STRING);
    Answer version = rest.get("/subjects/s/versions/latest");
    Answer lookedUp = rest.post("/subjects/s", STRING);
    Answer byId = rest.get("/schemas/ids/2?fetchMaxId=true");
    Answer byIdPlain = rest.get("/schemas/ids/2?fetchMaxId=false");

    assertThat(registered.body())
        .isEqualTo(
            RestCalls.json(
                "{\"id\":2,\"version\":1,\"guid\":\""
                    + guid
                    + "\",\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\"}"));
    for (Answer answer : List.of(version, lookedUp, byId)) {
      assertThat(answer.body().path("guid").asText()).isEqualTo(guid);
      assertThat(answer.body().path("schemaType").asText()).isEqualTo("AVRO");
    }
    assertThat(byId.body().path("maxId").asInt()).isEqualTo(2);
    assertThat(byIdPlain.body().has("maxId")).isFalse();
    assertThat(rest.get("/schemas/guids/" + guid).body().path("schema").asText())
        .isEqualTo("\"string\"");
  }

  @Test
  void shouldAnswerContentTypeTheClientAcceptsWhenAcceptIsGiven() {
    String v1 = "application/vnd.schemaregistry.v1+json";

    assertThat(accepting(null)).isEqualTo(v1);
    assertThat(accepting("application/json")).isEqualTo("application/json");
    assertThat(accepting("application/vnd.schemaregistry+json, application/json; q=0.5"))
        .isEqualTo("application/vnd.schemaregistry+json");
    assertThat(accepting(v1 + ", application/vnd.schemaregistry+json; q=0.9")).isEqualTo(v1);
    assertThat(accepting("text/html, */*; q=0.8")).isEqualTo(v1);
    assertThat(accepting("application/*, " + v1 + "; q=0"))
        .isEqualTo("application/vnd.schemaregistry+json");
  }

  @Test
  void shouldListOnlyDefaultContextWhenAskedForContexts() {
    assertThat(rest.get("/contexts").body().toString()).isEqualTo("[\".\"]");
  }

  private String accepting(String accept) {
    Answer answer = rest.send("GET", "/subjects/none/versions", null, "application/json", accept);
    assertThat(answer.errorCode()).isEqualTo(40401);
    return answer.contentType();
  }

  private SchemaRegistryServer serve(CompatibilityLevel level, int incompatibleErrorCode) {
    SchemaRegistryServer server =
        SchemaRegistryServer.serve(
            SchemaRegistryCore.inMemory(level), "localhost", 0, incompatibleErrorCode);
    servers.add(server);
    return server;
  }

  private static List<String> subjectVersions(Answer answer) {
    List<String> found = new ArrayList<>();
    answer
        .body()
        .forEach(s -> found.add(s.path("subject").asText() + "/" + s.path("version").asInt()));
    return found;
  }
}
