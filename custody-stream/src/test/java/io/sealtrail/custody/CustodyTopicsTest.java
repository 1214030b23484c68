package io.sealtrail.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The topics custody-stream needs created: exactly those its topology reads and writes. */
class CustodyTopicsTest {
  private final CustodyConfig config =
      CustodyConfig.from(Map.of(CustodyConfig.SCHEMA_REGISTRY_URL, "mock://topics"));
  private final CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());

  @Test
  void shouldListEveryExternalTopicOfTheTopologyAndTheDeadLetterTopicWhenDefault() {
    Set<String> external = externalTopicsOf(CustodyNode.topology(config).describe());

    assertThat(topics.settings().keySet())
        .containsExactly(
            "custody.events",
            "custody.state",
            "custody.violations",
            "custody.firmware-releases",
            "custody.events.dlq",
            "custody.holds",
            "custody.audit.actions",
            "custody.layouts",
            "custody.policy",
            "custody.campaigns");
    external.add(config.streams().deadLetterTopic());
    // Written by the holds API, not by the topology.
    external.add(topics.auditActions().name());
    assertThat(topics.all()).extracting(Topic::name).containsExactlyInAnyOrderElementsOf(external);
  }

  @Test
  void shouldKeepEventsForeverAndCompactStateAndReleasesWhenCreated() {
    Map<String, TopicSettings> byName = topics.settings();

    assertThat(byName.get("custody.events").configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1");
    assertThat(byName.get("custody.state").compacted()).isTrue();
    assertThat(byName.get("custody.firmware-releases").configs())
        .containsEntry("cleanup.policy", "compact");
    assertThat(byName.get("custody.firmware-releases").partitionsOr(6)).isEqualTo(1);
    assertThat(byName.get("custody.violations").configs())
        .containsEntry("retention.ms", Long.toString(CustodyTopics.FORENSIC_RETENTION.toMillis()));
    assertThat(byName.get("custody.events").partitionsOr(6))
        .isEqualTo(byName.get("custody.state").partitionsOr(6))
        .isEqualTo(6);
  }

  @Test
  void shouldUseConfiguredNamesWhenTopicsAreRenamed() {
    CustodyConfig renamed =
        CustodyConfig.from(
            Map.of(
                "sealtrail.topics.violations",
                "acme.violations",
                "errors.dead.letter.queue.topic.name",
                "acme.dlq"));

    Map<String, TopicSettings> settings =
        CustodyTopics.from(renamed, renamed.serdeConfig()).settings();

    assertThat(settings.get("acme.violations").partitionsOr(6)).isEqualTo(6);
    assertThat(settings.get("acme.dlq").partitionsOr(6)).isEqualTo(1);
  }

  @Test
  void shouldRenameEveryTopicWhoseIdTheConfigurationLists() {
    Map<String, String> flat = new HashMap<>();
    CustodyConfig.TOPIC_IDS.forEach(id -> flat.put("sealtrail.topics." + id, "acme." + id));
    CustodyConfig renamed = CustodyConfig.from(flat);

    assertThat(CustodyTopics.from(renamed, renamed.serdeConfig()).settings().keySet())
        .containsExactly(
            "acme.events",
            "acme.state",
            "acme.violations",
            "acme.releases",
            "custody.events.dlq",
            "acme.holds",
            "acme.audit-actions",
            "acme.layouts",
            "acme.policy",
            "acme.campaigns");
  }

  /** Source and sink topics, global ones included, without Streams' own repartition topics. */
  private static Set<String> externalTopicsOf(TopologyDescription description) {
    Set<String> topics = new HashSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        } else if (node instanceof TopologyDescription.Sink sink) {
          topics.add(sink.topic());
        }
      }
    }
    description.globalStores().forEach(g -> topics.addAll(g.source().topicSet()));
    topics.removeIf(t -> t.endsWith("-repartition"));
    return topics;
  }
}
