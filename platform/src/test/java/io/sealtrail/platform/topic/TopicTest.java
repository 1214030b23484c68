package io.sealtrail.platform.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicTest {
  @Test
  void shouldCreateKeyedTopicWithTheDeploymentsPartitionsAndKeepItForever() {
    NewTopic created =
        new Topic<>("custody.events", Serdes.String(), TopicSettings.forever())
            .newTopic(12, (short) 3);

    assertThat(created.numPartitions()).isEqualTo(12);
    assertThat(created.replicationFactor()).isEqualTo((short) 3);
    assertThat(created.configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1");
  }

  @Test
  void shouldKeepAFixedPartitionCountWhateverTheDeploymentsCount() {
    TopicSettings global = TopicSettings.latestPerKey().withPartitions(1);

    assertThat(global.partitionsOr(12)).isEqualTo(1);
    assertThat(global.configs()).containsEntry("cleanup.policy", "compact");
  }

  @Test
  void shouldDeleteRecordsAfterTheirRetention() {
    assertThat(TopicSettings.kept(Duration.ofHours(1)).configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "3600000");
  }

  @Test
  void shouldReadTheNameUnderTheOneSpellingOfTopicKeysAndFallBackToTheDefault() {
    Map<String, String> config = Map.of("sealtrail.topics.events", " test.events ");

    assertThat(Topic.configuredName(config, "events", "custody.events")).isEqualTo("test.events");
    assertThat(Topic.configuredName(config, "state", "custody.state")).isEqualTo("custody.state");
    assertThat(Topic.configuredName(Map.of("sealtrail.topics.state", " "), "state", "s"))
        .isEqualTo("s");
  }

  @Test
  void shouldRefuseABlankNameOrANonPositivePartitionCount() {
    assertThatThrownBy(() -> new Topic<>(" ", Serdes.String(), TopicSettings.forever()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TopicSettings.forever().withPartitions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
