package io.sealtrail.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client's HTTP behaviour: headers, auth, paths, fail-over, retries, errors, caching. */
class RestSchemaRegistryClientTest {
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private final StubRegistry stub = new StubRegistry();

  RestSchemaRegistryClientTest() throws IOException {}

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void shouldSendConfluentContentTypeAndBasicAuthWhenUserInfoIsConfigured() {
    stub.answer(200, "{\"id\":7}");
    SchemaRegistryClient client =
        client(
            Map.of(
                "basic.auth.credentials.source",
                "USER_INFO",
                "basic.auth.user.info",
                "alice:secret"));

    int id = client.register("a/b c", STRING);

    StubRegistry.Request request = stub.requests.get(0);
    assertThat(id).isEqualTo(7);
    assertThat(request.rawPath()).isEqualTo("/subjects/a%2Fb%20c/versions");
    assertThat(request.headers().getFirst("Content-Type"))
        .isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.headers().getFirst("Authorization")).isEqualTo("Basic YWxpY2U6c2VjcmV0");
    assertThat(request.body()).isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
  }

  @Test
  void shouldTakeCredentialsFromUrlWhenSourceIsUrl() {
    stub.answer(200, "[\"s\"]");
    String url = stub.url().replace("http://", "http://bob:pw@");
    SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", url));

    client.subjects();

    assertThat(stub.requests.get(0).headers().getFirst("Authorization"))
        .isEqualTo("Basic Ym9iOnB3");
  }

  @Test
  void shouldSendBearerTokenWhenStaticTokenIsConfigured() {
    stub.answer(200, "[]");
    SchemaRegistryClient client =
        client(
            Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "t0k3n"));

    client.subjects();

    assertThat(stub.requests.get(0).headers().getFirst("Authorization")).isEqualTo("Bearer t0k3n");
  }

  @Test
  void shouldFailOverToNextUrlWhenFirstIsUnreachable() throws IOException {
    stub.answer(200, "{\"schema\":\"\\\"long\\\"\"}");
    String dead = "http://localhost:" + freePort();
    SchemaRegistryClient client =
        SchemaRegistryClients.create(Map.of("schema.registry.url", dead + "," + stub.url()));

    Schema schema = client.schemaById(3);

    assertThat(schema).isEqualTo(Schema.create(Schema.Type.LONG));
  }

  @Test
  void shouldCarryStatusAndErrorCodeWhenRegistryAnswersError() {
    stub.answer(404, "{\"error_code\":40403,\"message\":\"Schema 3 not found\"}");

    assertThatThrownBy(() -> client(Map.of()).schemaById(3))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40403);
            })
        .hasMessage("Schema 3 not found");
  }

  @Test
  void shouldAnswer50005WhenErrorBodyIsNotJson() {
    stub.answer(400, "<html>bad gateway</html>");

    assertThatThrownBy(() -> client(Map.of()).schemaById(3))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50005))
        .hasMessage("Unable to parse error message: <html>bad gateway</html>");
  }

  @Test
  void shouldRetryWhenRegistryAnswersUnavailable() {
    stub.answer(503, "{\"error_code\":50301,\"message\":\"busy\"}")
        .answer(200, "{\"schema\":\"\\\"int\\\"\"}");

    Schema schema = client(Map.of("retries.wait.ms", "1")).schemaById(5);

    assertThat(schema).isEqualTo(Schema.create(Schema.Type.INT));
    assertThat(stub.requests).hasSize(2);
  }

  @Test
  void shouldAskRegistryOnceWhenSameIdAndSchemaAreUsedTwice() {
    stub.answer(200, "{\"schema\":\"\\\"int\\\"\"}").answer(200, "{\"id\":5}");
    SchemaRegistryClient client = client(Map.of());

    client.schemaById(5);
    client.schemaById(5);
    client.register("s", new Schema.Parser().parse("{\"type\":\"string\"}"));
    client.register("s", new Schema.Parser().parse("\"string\""));

    assertThat(stub.requests).hasSize(2);
  }

  private SchemaRegistryClient client(Map<String, String> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put("schema.registry.url", stub.url());
    config.put("max.retries", extra.containsKey("retries.wait.ms") ? "3" : "0");
    return SchemaRegistryClients.create(config);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
