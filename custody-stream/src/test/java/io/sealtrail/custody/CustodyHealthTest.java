package io.sealtrail.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.platform.http.Serving;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * custody-stream's part in the platform's health, as its HTTP beans give it to a shared server:
 * real streams that are not running make readiness 503 naming them. No broker: the streams never
 * run.
 */
class CustodyHealthTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswerReadiness503NamingTheStreamsWhenTheyAreNotRunning(@TempDir Path dir)
      throws Exception {
    CustodyNode custody = CustodyNode.start(config(dir), Serving.shared(new SimpleMeterRegistry()));
    List<Object> beans = new ArrayList<>(custody.httpBeans());
    beans.add(RoleTokens.none());
    try (custody;
        var server = PlatformHttpServer.start(new HttpBinding("localhost", 0), beans)) {

      var ready = get(server, "/health/readiness");
      custody.close();
      var live = get(server, "/health");

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(ready.body()).get("reasons").get("custodyStreams").asText())
          .isEqualTo("streams are CREATED, not RUNNING");
      assertThat(live.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(live.body()).get("checks").get("custodyStreams").asText())
          .isEqualTo("DOWN");
    }
  }

  private static CustodyConfig config(Path dir) {
    return CustodyConfig.from(
        Map.of(
            CustodyConfig.SCHEMA_REGISTRY_URL, "mock://custody-health",
            StreamsConfig.APPLICATION_ID_CONFIG, "custody-health-test",
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
            StreamsConfig.STATE_DIR_CONFIG, dir.toString()));
  }

  private HttpResponse<String> get(PlatformHttpServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
