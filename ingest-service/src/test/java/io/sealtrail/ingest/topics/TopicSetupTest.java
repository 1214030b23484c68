package io.sealtrail.ingest.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The configuration ingest gives the topics it creates. */
class TopicSetupTest {
  private static final IngestTopics TOPICS =
      IngestTopics.from(
          IngestConfig.from(
              Map.of(
                  "bootstrap.servers", "kafka:9092",
                  "schema.registry.url", "mock://topic-setup",
                  "sealtrail.ingest.instance-id", "pod-0")),
          Map.of("schema.registry.url", "mock://topic-setup"));

  @Test
  void shouldCompactDedupTopicAndRetainItForTheWindowWhenDefined() {
    var topics = TOPICS.settings();

    NewTopic dedup = named(topics, "custody.ingest.dedup");

    assertThat(dedup.configs())
        .containsEntry("cleanup.policy", "compact,delete")
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
    assertThat(dedup.numPartitions())
        .isEqualTo(named(topics, "custody.ingest.submissions").numPartitions());
  }

  @Test
  void shouldLetTheBrokerStampInboundRecordsWhenDefined() {
    var topics = TOPICS.settings();

    NewTopic inbound = named(topics, "custody.inbound");

    assertThat(inbound.configs()).containsEntry("message.timestamp.type", "LogAppendTime");
  }

  @Test
  void shouldKeepAcceptedEventsForEverWhenDefined() {
    var topics = TOPICS.settings();

    NewTopic events = named(topics, "custody.events");

    assertThat(events.configs()).containsEntry("retention.ms", "-1");
  }

  private static NewTopic named(List<NewTopic> topics, String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
