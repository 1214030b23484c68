package io.sealtrail.anomaly.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /v1/alerts/stream} on a platform that has no alert: the stream opens at once (headers
 * and a first comment, before any alert or heartbeat), and heartbeats keep coming.
 */
class AlertStreamIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static AnomalyHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness =
        new AnomalyHarness(
            KAFKA, Map.of(), Map.of(AlertStreamController.HEARTBEAT_PROPERTY, "500ms"));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void shouldOpenAtOnceWithACommentAndThenSendHeartbeatsWhenThereIsNoAlert() throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(harness.url() + "/v1/alerts/stream"))
            .header("Authorization", "Bearer " + harness.token(Role.SECOPS))
            .GET()
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> opened =
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());

    // The future completes when the headers arrived.
    HttpResponse<Stream<String>> response = opened.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> response.body().forEach(lines::add));
    reader.setDaemon(true);
    reader.start();

    List<String> comments =
        Eventually.await(
            () -> lines.stream().filter(line -> line.startsWith(":")).toList(),
            found -> found.size() >= 3,
            "the open comment and two heartbeats");
    assertThat(comments.get(0))
        .as("the first comment, sent before any heartbeat")
        .isEqualTo(": open");
    assertThat(comments.subList(1, 3)).containsOnly(": heartbeat");
    assertThat(lines).noneMatch(line -> line.startsWith("event:"));
  }
}
