package io.sealtrail.registry.server;

import static io.sealtrail.registry.testing.RestCalls.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.RestCalls.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REST details over HTTP against an in-memory core: compatibility targets and version lists. */
class RestRoutesTest {
  private static final String V1 =
      schemaBody(
          "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
  private static final String V2 =
      schemaBody(
          "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"b\",\"type\":\"int\"}]}");
  private static final String NULL_DEFAULT =
      schemaBody(
          "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"type\":\"string\",\"default\":null,\"name\":\"f\"}]}");
  private final SchemaRegistryServer server =
      SchemaRegistryServer.serve(
          SchemaRegistryCore.inMemory(CompatibilityLevel.NONE), "localhost", 0);
  private final RestCalls rest = new RestCalls(server.url());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldAnswerIncompatibleWithMessageWhenVerboseCheckGetsInvalidSchema() {
    rest.post("/subjects/s/versions", V1);

    Answer verbose =
        rest.post("/compatibility/subjects/s/versions/latest?verbose=true", NULL_DEFAULT);
    Answer plain = rest.post("/compatibility/subjects/s/versions/latest", NULL_DEFAULT);

    assertThat(verbose.status()).isEqualTo(200);
    assertThat(verbose.body().path("is_compatible").asBoolean(true)).isFalse();
    assertThat(verbose.body().path("messages").get(0).asText()).contains("Invalid schema");
    assertThat(plain.errorCode()).isEqualTo(42201);
  }

  @Test
  void shouldAnswer40402WhenCheckingAgainstSoftDeletedVersion() {
    rest.post("/subjects/s/versions", V1);
    rest.post("/subjects/s/versions", V2);
    rest.delete("/subjects/s/versions/1");

    Answer answer = rest.post("/compatibility/subjects/s/versions/1", V2);

    assertThat(answer.errorCode()).isEqualTo(40402);
  }

  @Test
  void shouldListOnlySoftDeletedVersionsWhenDeletedOnly() {
    rest.post("/subjects/s/versions", V1);
    rest.post("/subjects/s/versions", V2);
    rest.delete("/subjects/s/versions/1");

    Answer deletedOnly = rest.get("/subjects/s/versions?deletedOnly=true");
    Answer deleted = rest.get("/subjects/s/versions?deleted=true");

    assertThat(deletedOnly.body().toString()).isEqualTo("[1]");
    assertThat(deleted.body().toString()).isEqualTo("[1,2]");
  }
}
