package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local mode stopped and started again on the same data directory. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalRestartIT {

  private static final String SCHEMA =
      "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":"
          + "[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  @Test
  void shouldKeepTopicsAndSchemaIdsWhenRestartedOnTheSameDataDir() throws Exception {
    LocalConfig config = LocalPlatformIT.freshConfig(dataDir);
    int id;
    try (var first = LocalPlatform.start(config)) {
      id = register(first.registryUrl(), "probe-value");
    }

    try (var restarted = LocalPlatform.start(config)) {

      assertThat(restarted.createdTopics()).isEmpty();
      var byId = get(restarted.registryUrl().resolve("/schemas/ids/" + id));
      assertThat(byId.statusCode()).isEqualTo(200);
      assertThat(byId.body()).contains("Probe");
      assertThat(register(restarted.registryUrl(), "probe-value")).isEqualTo(id);
    }
  }

  private int register(URI registry, String subject) throws Exception {
    var request =
        HttpRequest.newBuilder(registry.resolve("/subjects/" + subject + "/versions"))
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + SCHEMA + "\"}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Integer.parseInt(response.body().replaceAll("\\D+", ""));
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
