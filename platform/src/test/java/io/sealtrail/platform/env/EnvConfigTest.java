package io.sealtrail.platform.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {
  private final EnvConfig config =
      new EnvConfig(
          List.of(
              EnvSetting.required("bootstrap.servers"),
              EnvSetting.optional("sealtrail.ingest.instance-id")));

  @Test
  void shouldNameVariablesAfterTheirKeys() {
    assertThat(config.settings())
        .extracting(EnvSetting::variable)
        .containsExactly("BOOTSTRAP_SERVERS", "SEALTRAIL_INGEST_INSTANCE_ID");
  }

  @Test
  void shouldReadDeclaredVariablesAndKafkaClientSettingsOnly() {
    Map<String, String> env =
        Map.of(
            "BOOTSTRAP_SERVERS", "kafka-1:9092",
            "SEALTRAIL_INGEST_INSTANCE_ID", " ingest-1 ",
            "KAFKA_CLIENT_SECURITY_PROTOCOL", "SSL",
            "PATH", "/usr/bin");

    Map<String, String> flat = config.read(env);

    assertThat(flat)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bootstrap.servers", "kafka-1:9092",
                "sealtrail.ingest.instance-id", "ingest-1",
                "security.protocol", "SSL"));
  }

  @Test
  void shouldNameEveryMissingRequiredVariableWhenOneIsBlank() {
    assertThatThrownBy(() -> config.read(Map.of("BOOTSTRAP_SERVERS", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing environment variables: [BOOTSTRAP_SERVERS]");
  }

  @Test
  void shouldTellWhichVariablesItReads() {
    assertThat(config.reads("SEALTRAIL_INGEST_INSTANCE_ID")).isTrue();
    assertThat(config.reads("KAFKA_CLIENT_SASL_MECHANISM")).isTrue();
    assertThat(config.reads("SEALTRAIL_INGEST_INSTANCEID")).isFalse();
  }
}
