package io.sealtrail.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server given another service's beans but none of ingest's parts (ingest's classes are on the
 * classpath, as in local mode or the CLI) serves none of ingest's routes and none of its filters.
 */
class RoutesWithoutBackendTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static PlatformHttpServer withoutIngest;

  @BeforeAll
  static void start() {
    withoutIngest =
        PlatformHttpServer.start(new HttpBinding("localhost", 0), List.of(RoleTokens.none()));
  }

  @AfterAll
  static void stop() {
    withoutIngest.close();
  }

  @ParameterizedTest
  @CsvSource({
    "POST, /v1/events",
    "POST, /v1/epcis/capture",
    "POST, /v1/partners",
    "GET, /v1/partners/acme",
    "GET, /health",
    "GET, /prometheus"
  })
  void shouldAnswerNotFoundWhenNoIngestPartsAreGiven(String method, String path) throws Exception {
    HttpResponse<String> answer =
        CLIENT.send(
            HttpRequest.newBuilder(withoutIngest.url().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("https://sealtrail.io/problems/not-found");
  }
}
