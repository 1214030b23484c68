package io.sealtrail.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
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

class PlatformHttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tokenDir;
  private static RoleTokens tokens;
  private static PlatformHttpServer withProbe;

  @BeforeAll
  static void start() {
    tokens = RoleTokens.ensure(tokenDir);
    withProbe =
        PlatformHttpServer.start(
            new HttpBinding("localhost", 0), List.of(tokens, new ProbeBackend("hello")));
  }

  @AfterAll
  static void stop() {
    withProbe.close();
  }

  @Test
  void shouldServeRoutesWhenTheirBackendBeanIsGiven() throws Exception {
    var answer = send(get("/probe"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("hello");
  }

  @Test
  void shouldAnswerNotFoundProblemWhenTheBackendBeanIsMissing() throws Exception {
    try (var without = PlatformHttpServer.start(new HttpBinding("localhost", 0), List.of(tokens))) {

      var answer = send(get(without, "/probe"));

      assertProblem(answer, 404, "not-found");
      assertThat(send(get(without, "/probe/secret")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void shouldAnswerNotFoundProblemWhenNoRouteMatches() throws Exception {
    assertProblem(send(get("/nowhere")), 404, "not-found");
  }

  @Test
  void shouldAnswerMethodNotAllowedProblemWhenTheRouteHasNoSuchMethod() throws Exception {
    var answer = send(get("/probe").DELETE());

    assertProblem(answer, 405, "method-not-allowed");
  }

  @Test
  void shouldNameTheRoutesMethodsInAllowWhenTheMethodIsNotAllowed() throws Exception {
    var answer = send(get("/probe").DELETE());

    assertThat(answer.headers().firstValue("Allow")).contains("GET, HEAD, POST");
    assertThat(json(answer).get("detail").asText())
        .isEqualTo("DELETE is not allowed on /probe; GET, HEAD, POST are");
  }

  @Test
  void shouldAnswerUnsupportedMediaTypeProblemWhenTheBodyIsOfAnotherType() throws Exception {
    var answer = send(post("/probe", "text/plain", "name=x"));

    assertProblem(answer, 415, "unsupported-media-type");
    assertThat(json(answer).get("detail").asText()).contains("text/plain");
  }

  @Test
  void shouldAnswerBadRequestProblemWhenTheJsonCannotBeRead() throws Exception {
    var answer = send(post("/probe", "application/json", "{\"name\":"));

    assertProblem(answer, 400, "bad-request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/probe/busy", "/probe/busy-later"})
  void shouldAnswerTheCarriedProblemWithItsHeadersWhenARouteFailsWithAProblemException(
      String synchronousOrNot) throws Exception {
    var answer = send(get(synchronousOrNot));

    assertProblem(answer, 503, "busy");
    assertThat(answer.headers().firstValue("Retry-After")).contains("7");
  }

  @Test
  void shouldAnswerInternalErrorWithAProblemIdAndNoInternalsWhenARouteFails() throws Exception {
    var answer = send(get("/probe/broken"));

    assertProblem(answer, 500, "internal-error");
    assertThat(json(answer).get("detail").asText()).containsPattern("problem id [0-9a-f-]{36}");
    assertThat(answer.body()).doesNotContain("secret internals", "IllegalStateException");
  }

  @Test
  void shouldAnswerUnauthenticatedWhenNoBearerTokenIsSent() throws Exception {
    var answer = send(get("/probe/secret"));

    assertProblem(answer, 401, "unauthenticated");
    assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
  }

  @Test
  void shouldAnswerUnauthenticatedWhenTheTokenIsUnknown() throws Exception {
    var answer = send(get("/probe/secret").header("Authorization", "Bearer nope"));

    assertProblem(answer, 401, "unauthenticated");
  }

  @Test
  void shouldAnswerForbiddenWhenTheRoleIsNotAllowed() throws Exception {
    var answer = send(withToken(get("/probe/secret"), Role.RECALL));

    assertProblem(answer, 403, "forbidden");
    assertThat(json(answer).get("detail").asText())
        .isEqualTo("role recall may not see secrets; it needs admin");
  }

  @Test
  void shouldLetTheAllowedRolePass() throws Exception {
    var answer = send(withToken(get("/probe/secret"), Role.ADMIN));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("for admins");
  }

  private static HttpRequest.Builder get(String path) {
    return get(withProbe, path);
  }

  private static HttpRequest.Builder get(PlatformHttpServer server, String path) {
    return HttpRequest.newBuilder(server.url().resolve(path)).GET();
  }

  private static HttpRequest.Builder post(String path, String type, String body) {
    return HttpRequest.newBuilder(withProbe.url().resolve(path))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder withToken(HttpRequest.Builder request, Role role)
      throws Exception {
    String token = Files.readString(tokenDir.resolve(role.fileName())).strip();
    return request.header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> answer) throws Exception {
    return JSON.readTree(answer.body());
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String kind)
      throws Exception {
    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = json(answer);
    assertThat(body.get("type").asText()).isEqualTo(Problem.TYPES + kind);
    assertThat(body.get("status").asInt()).isEqualTo(status);
  }
}
