package io.sealtrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestEnvironmentTest {
  static final Map<String, String> REQUIRED =
      Map.of("BOOTSTRAP_SERVERS", "kafka-1:9092", "SCHEMA_REGISTRY_URL", "http://registry:8081");

  @Test
  void shouldNameTheInstanceAfterThePodWhenNoInstanceIdIsGiven() {
    Map<String, String> env = with(REQUIRED, "HOSTNAME", "ingest-service-1");

    IngestEnvironment read = IngestEnvironment.from(env);

    assertThat(read.ingestConfig().instanceId()).isEqualTo("ingest-service-1");
    assertThat(read.httpPort()).isEqualTo(8080);
    assertThat(read.tokensDir()).isEqualTo(Path.of("/etc/sealtrail/tokens"));
  }

  @Test
  void shouldPassKafkaClientSettingsToTheClientsButNeitherHttpNorRegistryKeys() {
    Map<String, String> env =
        with(
            with(REQUIRED, "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL"),
            "SEALTRAIL_HTTP_PORT",
            "9090");

    IngestEnvironment read = IngestEnvironment.from(env);

    assertThat(read.httpPort()).isEqualTo(9090);
    assertThat(read.ingestConfig().clientOverrides())
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKeys("sealtrail.http.port", "schema.registry.url");
    assertThat(read.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081");
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    var more = new java.util.HashMap<>(env);
    more.put(key, value);
    return more;
  }
}
