package io.sealtrail.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.testing.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/whoami} over real HTTP: each role token names its role, no token is a 401. */
class WhoAmIControllerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tokenDir;
  private static PlatformHttpServer server;

  @BeforeAll
  static void start() {
    server =
        PlatformHttpServer.start(
            new HttpBinding("localhost", 0), List.of(RoleTokens.ensure(tokenDir)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void shouldNameTheRoleOfEachRoleTokenWhenAsked() throws Exception {
    for (Role role : Role.values()) {
      String token = Files.readString(tokenDir.resolve(role.fileName())).strip();

      HttpResponse<String> answer = get("Bearer " + token);

      assertThat(answer.statusCode()).as(role.name()).isEqualTo(200);
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.path("roles")).as(role.name()).hasSize(1);
      assertThat(body.path("roles").get(0).asText()).isEqualTo(role.name().toLowerCase());
      assertThat(body.path("name").asText()).isNotBlank();
    }
  }

  @Test
  void shouldAnswerUnauthenticatedWhenTheTokenIsUnknownOrMissing() throws Exception {
    for (String authorization : new String[] {"Bearer not-a-token", null}) {
      HttpResponse<String> answer = get(authorization);

      assertThat(answer.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(JSON.readTree(answer.body()).path("type").asText()).endsWith("/unauthenticated");
    }
  }

  /**
   * Issue 21: an Authorization header as a careless client or an attacker sends it is a 401 like
   * any unknown token, costing at most one log line and never a stack trace.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer ",
        "Bearer  two spaces",
        "Token abc",
        "Bearer \u00e9t\u00e9 (Latin-1 bytes)",
        "Bearer a%00b",
        "Bearer ../../tokens/admin.token",
        "LONG"
      })
  void shouldAnswerUnauthenticatedWithoutAStackTraceWhenTheHeaderIsATrick(String given)
      throws Exception {
    String authorization = given.equals("LONG") ? "Bearer " + "x".repeat(6_000) : given;
    try (LogCapture log = new LogCapture()) {
      HttpResponse<String> answer = get(authorization);

      assertThat(answer.statusCode()).as(answer.body()).isIn(400, 401, 431);
      assertThat(answer.body()).doesNotContain("Exception", "\tat ", "io.micronaut");
      assertThat(log.events()).hasSizeLessThanOrEqualTo(1);
      assertThat(log.events()).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }
  }

  private static HttpResponse<String> get(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/v1/whoami"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
