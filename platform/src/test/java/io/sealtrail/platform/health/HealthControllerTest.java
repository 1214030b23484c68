package io.sealtrail.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One server's health from the checks of every service it serves, as in local mode. */
class HealthControllerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final AtomicReference<String> streams = new AtomicReference<>("RUNNING");
  private final CompletableFuture<Void> alertFeed = new CompletableFuture<>();
  private PlatformHttpServer server;

  @BeforeEach
  void start() {
    server =
        PlatformHttpServer.start(
            new HttpBinding("localhost", 0),
            List.of(
                RoleTokens.none(),
                new ConditionCheck("kafka", () -> true, "no broker answered", false),
                new StreamsHealthCheck("custodyStreams", streams::get),
                new LoopHealthCheck("alertFeed", alertFeed)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldReportEveryServicesComponentWhenAllAreUp() throws Exception {
    var answer = get("/health/readiness");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"status\":\"UP\",\"checks\":{\"alertFeed\":\"UP\",\"custodyStreams\":\"UP\","
                    + "\"kafka\":\"UP\"}}"));
  }

  @Test
  void shouldAnswer503NamingTheStreamsWhenTheyAreStopped() throws Exception {
    streams.set("NOT_RUNNING");

    var ready = get("/health/readiness");
    var live = get("/health");

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    assertThat(body.get("checks").get("kafka").asText()).isEqualTo("UP");
    assertThat(body.get("checks").get("custodyStreams").asText()).isEqualTo("DOWN");
    assertThat(body.get("reasons").get("custodyStreams").asText())
        .isEqualTo("streams are NOT_RUNNING, not RUNNING");
    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(live.body()).get("reasons").get("custodyStreams").asText())
        .isEqualTo("streams stopped for good: NOT_RUNNING");
  }

  @Test
  void shouldAnswer503NamingTheLoopAndWhatItDiedOfWhenABackgroundLoopDied() throws Exception {
    alertFeed.completeExceptionally(new IllegalStateException("poisoned record at alerts-0@4"));

    var ready = get("/health/readiness");
    var live = get("/health");

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.get("checks").get("alertFeed").asText()).isEqualTo("DOWN");
    assertThat(body.get("reasons").get("alertFeed").asText())
        .isEqualTo("stopped: IllegalStateException: poisoned record at alerts-0@4");
    assertThat(live.statusCode()).isEqualTo(503);
  }

  @Test
  void shouldStayAliveButNotReadyWhileTheStreamsRebalance() throws Exception {
    streams.set("REBALANCING");

    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health/readiness").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldServeNoHealthRouteWhenNoServiceContributesACheck() throws Exception {
    try (var without =
        PlatformHttpServer.start(new HttpBinding("localhost", 0), List.of(RoleTokens.none()))) {

      var answer =
          CLIENT.send(
              HttpRequest.newBuilder(without.url().resolve("/health")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
