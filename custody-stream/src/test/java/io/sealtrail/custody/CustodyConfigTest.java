package io.sealtrail.custody.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class CustodyEnvironmentTest {
  @Test
  void shouldAdvertiseThePodNameAndPassKafkaClientSettingsToTheStreams() {
    Map<String, String> env =
        Map.of(
            "BOOTSTRAP_SERVERS", "kafka-1:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081",
            "HOSTNAME", "custody-stream-0",
            "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL");

    CustodyEnvironment read = CustodyEnvironment.from(env);

    assertThat(read.query().advertisedHost()).isEqualTo("custody-stream-0");
    assertThat(read.query().port()).isEqualTo(8082);
    assertThat(read.streams().streamsProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092")
        .doesNotContainKey("schema.registry.url");
  }

  @Test
  void shouldKeepExactlyOnceWhenAKafkaClientVariableTriesToTurnItOff() {
    Map<String, String> env =
        Map.of(
            "BOOTSTRAP_SERVERS", "kafka-1:9092",
            "SCHEMA_REGISTRY_URL", "http://registry:8081",
            "KAFKA_CLIENT_PROCESSING_GUARANTEE", "at_least_once");

    Properties streams = CustodyEnvironment.from(env).streams().streamsProperties();

    assertThat(streams)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }
}
