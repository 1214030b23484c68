package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local mode against its real parts: a KRaft broker in this JVM and the embedded registry. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalPlatformIT {

  private static final String SCHEMA =
      "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":"
          + "[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  @Test
  void shouldCreateEveryDesignTopicWhenStartedOnAnEmptyDataDir() throws Exception {
    LocalConfig config = freshConfig();

    try (var platform = LocalPlatform.start(config);
        var admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {

      var names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(names).containsAll(LocalTopics.all().stream().map(TopicSpec::name).toList());
      assertThat(platform.createdTopics()).hasSameSizeAs(LocalTopics.all());
      assertThat(cleanupPolicy(admin, "custody.partners")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "custody.events")).isEqualTo("delete");
    }
  }

  @Test
  void shouldKeepTopicsAndSchemaIdsWhenRestartedOnTheSameDataDir() throws Exception {
    LocalConfig config = freshConfig();
    int id;
    try (var platform = LocalPlatform.start(config)) {
      id = register(platform.registryUrl(), "probe-value");
    }

    try (var restarted = LocalPlatform.start(config)) {

      assertThat(restarted.createdTopics()).isEmpty();
      var byId = get(restarted.registryUrl().resolve("/schemas/ids/" + id));
      assertThat(byId.statusCode()).isEqualTo(200);
      assertThat(byId.body()).contains("Probe");
      assertThat(register(restarted.registryUrl(), "probe-value")).isEqualTo(id);
    }
  }

  private LocalConfig freshConfig() throws IOException {
    return new LocalConfig(dataDir, "localhost", freePort(), freePort(), 0);
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

  private static String cleanupPolicy(Admin admin, String topic) throws Exception {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    var config = admin.describeConfigs(java.util.List.of(resource)).all().get(30, TimeUnit.SECONDS);
    return config.get(resource).get("cleanup.policy").value();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
