package io.sealtrail.ingest.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The configuration ingest gives the topics it creates. */
class TopicSetupTest {
  private static final IngestTopics TOPICS = IngestTopics.fromConfig(Map.of());

  @Test
  void shouldCompactDedupTopicAndRetainItForTheWindowWhenDefined() {
    var topics = TopicSetup.define(TOPICS, Duration.ofDays(7));

    NewTopic dedup = named(topics, "custody.ingest.dedup");

    assertThat(dedup.configs())
        .containsEntry("cleanup.policy", "compact,delete")
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
    assertThat(dedup.numPartitions())
        .isEqualTo(named(topics, "custody.ingest.submissions").numPartitions());
  }

  @Test
  void shouldLetTheBrokerStampInboundRecordsWhenDefined() {
    var topics = TopicSetup.define(TOPICS, Duration.ofDays(7));

    NewTopic inbound = named(topics, "custody.inbound");

    assertThat(inbound.configs()).containsEntry("message.timestamp.type", "LogAppendTime");
  }

  @Test
  void shouldKeepAcceptedEventsForEverWhenDefined() {
    var topics = TopicSetup.define(TOPICS, Duration.ofDays(7));

    NewTopic events = named(topics, "custody.events");

    assertThat(events.configs()).containsEntry("retention.ms", "-1");
  }

  private static NewTopic named(List<NewTopic> topics, String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
