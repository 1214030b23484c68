package io.sealtrail.anomaly.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyNode;
import io.sealtrail.anomaly.spike.SpikeRules;
import io.sealtrail.registry.client.MockRegistries;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnomalyTopologyTest {
  private static final String SCOPE = "anomaly-topology-test";

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(SCOPE);
  }

  @Test
  void shouldNameEveryNodeWhenTopologyIsBuilt() {
    AnomalyConfig config =
        AnomalyConfig.from(Map.of(AnomalyConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));

    TopologyDescription description = AnomalyNode.topology(config).describe();
    assertThat(description.toString())
        .doesNotContain("KSTREAM-", "KTABLE-")
        .contains("anomaly-alerts-store", "anomaly-open-incidents-store")
        .contains("anomaly-attestation-spike-baselines-store", "anomaly-attestation-watch-store");
  }

  @Test
  void shouldRunExactlyOnceWithExplicitNamingWhenConfiguredWithDefaults() {
    Properties p = AnomalyConfig.from(Map.of()).streams().properties();

    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
        .isEqualTo(true);
  }

  @Test
  void shouldSendUnreadableRecordsToItsDeadLetterTopicWhenConfiguredWithDefaults() {
    Properties p = AnomalyConfig.from(Map.of()).streams().properties();

    assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("custody.anomaly.dlq");
    assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(LogAndContinueExceptionHandler.class);
    assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(LogAndFailProcessingExceptionHandler.class);
  }

  @Test
  void shouldReadSpikeAndStaleRulesWhenKeysAreSet() {
    AnomalyRules rules =
        AnomalyRules.from(
            Map.of(
                "sealtrail.anomaly.rejection-spike.window", "PT10M",
                "sealtrail.anomaly.rejection-spike.min-count", "20",
                "sealtrail.anomaly.rejection-spike.wall-settle", "PT3S",
                "sealtrail.anomaly.stale.interval.gateway", "PT6H"));

    assertThat(rules.rejectionSpike().window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(rules.rejectionSpike().minCount()).isEqualTo(20);
    assertThat(rules.rejectionSpike().wallSettle()).isEqualTo(Duration.ofSeconds(3));
    assertThat(rules.attestationSpike()).isEqualTo(SpikeRules.defaults());
    assertThat(rules.stale().intervalFor("gateway")).isEqualTo(Duration.ofHours(6));
    assertThat(rules.stale().intervalFor("sensor")).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void shouldRefuseSpikeRulesWhenDimensionIsUnknown() {
    assertThatThrownBy(
            () ->
                AnomalyRules.from(
                    Map.of("sealtrail.anomaly.rejection-spike.dimensions", "partner,station")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("station");
  }

  @Test
  void shouldRefuseSpikeRulesWhenMultiplierIsBelowOne() {
    assertThatThrownBy(
            () ->
                AnomalyRules.from(Map.of("sealtrail.anomaly.attestation-spike.multiplier", "0.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
