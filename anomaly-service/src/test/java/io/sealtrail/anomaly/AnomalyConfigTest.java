package io.sealtrail.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Reading an anomaly-service instance's configuration from a container's environment. */
class AnomalyConfigTest {
  private static final Map<String, String> CONTAINER =
      Map.of(
          "BOOTSTRAP_SERVERS", "kafka-1:9092",
          "SCHEMA_REGISTRY_URL", "http://registry:8081",
          "HOSTNAME", "anomaly-service-1");

  @Test
  void shouldAdvertiseTheContainersHostnameWhenNoAdvertisedHostIsGiven() {
    AnomalyConfig read = AnomalyConfig.fromEnvironment(CONTAINER);

    // Other instances forward spike chart reads to this name.
    assertThat(read.http().advertisedHost()).isEqualTo("anomaly-service-1");
    assertThat(read.streams().properties())
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092");
  }

  @Test
  void shouldAdvertiseTheGivenHostOverTheHostname() {
    Map<String, String> env = new HashMap<>(CONTAINER);
    env.put("SEALTRAIL_HTTP_ADVERTISED_HOST", "anomaly-1.anomaly.sealtrail.svc");

    assertThat(AnomalyConfig.fromEnvironment(env).http().advertisedHost())
        .isEqualTo("anomaly-1.anomaly.sealtrail.svc");
  }
}
