package io.sealtrail.custody.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.process.CustodyStores;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** The shape of the topology: every node and store named, built under explicit naming. */
class CustodyTopologyTest {
  private final CustodyConfig config =
      CustodyConfig.from(Map.of(CustodyConfig.SCHEMA_REGISTRY_URL, "mock://shape"));

  @Test
  void shouldNameEveryNodeAndStoreWhenBuiltUnderExplicitNaming() {
    Topology topology = CustodyNode.topology(config);

    String description = topology.describe().toString();
    assertThat(description)
        .contains("custody-events-source", "custody-events-well-formed", "custody-processor")
        .contains("custody-state-changes")
        .contains("custody-violations-changes", "custody-state-sink", "custody-violations-sink")
        .contains(CustodyStores.STATE, CustodyStores.HELD_VIOLATIONS)
        .contains(
            "custody-device-keys-repartition", CustodyStores.KEY_HOLDERS, CustodyStores.RELEASES)
        .contains(
            "custody-container-contents-repartition",
            "custody-container-contents-" + ContainerTopology.NESTING_LIMIT + "-repartition",
            "custody-contents-processor-" + ContainerTopology.NESTING_LIMIT)
        .doesNotContain("KSTREAM-", "KTABLE-");
  }

  @Test
  void shouldSetProductionCriticalSettingsExplicitlyWhenConfigIsDefault() {
    var properties = config.streams().properties();

    assertThat(properties)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
        .containsEntry(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "custody.events.dlq");
    assertThat(config.rules()).isEqualTo(DetectionRules.defaults());
  }
}
