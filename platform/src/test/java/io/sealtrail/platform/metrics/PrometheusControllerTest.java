package io.sealtrail.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one {@code /prometheus} over real HTTP, with the registries of two services in one server.
 */
class PrometheusControllerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void shouldShowEveryRegistrysMetersOnceWhenServicesShareOneServer() throws Exception {
    PrometheusMeterRegistry ingest = registry("ingest_submissions");
    PrometheusMeterRegistry anomaly = registry("anomaly_alerts");
    List<Object> beans = List.of(RoleTokens.none(), ingest, anomaly, ingest);

    try (var server = PlatformHttpServer.start(management(), beans)) {
      HttpResponse<String> answer = scrape(server);

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("content-type"))
          .get()
          .asString()
          .startsWith("text/plain");
      assertThat(answer.body()).contains("ingest_submissions_total 1.0");
      assertThat(answer.body()).contains("anomaly_alerts_total 1.0");
      assertThat(answer.body().split("# TYPE ingest_submissions_total")).hasSize(2);
    }
  }

  @Test
  void shouldAnswerNotFoundWhenNoRegistryIsGiven() throws Exception {
    try (var server = PlatformHttpServer.start(management(), List.of(RoleTokens.none()))) {

      assertThat(scrape(server).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void shouldNotServeMetricsOnTheApiPortWhenTheyHaveAManagementPort() throws Exception {
    List<Object> beans = List.of(RoleTokens.none(), registry("partner_acme_rejections"));

    try (var server = PlatformHttpServer.start(management(), beans)) {
      URI onApiPort = server.url().resolve("/prometheus");
      HttpResponse<String> answer =
          CLIENT.send(
              HttpRequest.newBuilder(onApiPort).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).doesNotContain("partner_acme");
      assertThat(scrape(server).body()).contains("partner_acme_rejections");
    }
  }

  @Test
  void shouldServeNoMetricsAnywhereWhenNoManagementPortIsGiven() throws Exception {
    List<Object> beans = List.of(RoleTokens.none(), registry("partner_acme_rejections"));

    try (var server = PlatformHttpServer.start(new HttpBinding("localhost", 0), beans)) {
      HttpResponse<String> answer =
          CLIENT.send(
              HttpRequest.newBuilder(server.url().resolve("/prometheus")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(server.managementUrl()).isEmpty();
    }
  }

  private static HttpBinding management() {
    return new HttpBinding("localhost", 0).withManagementPort(0);
  }

  private static PrometheusMeterRegistry registry(String counter) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter(counter).increment();
    return registry;
  }

  private static HttpResponse<String> scrape(PlatformHttpServer server) throws Exception {
    URI uri = server.managementUrl().orElseThrow().resolve("/prometheus");
    return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
