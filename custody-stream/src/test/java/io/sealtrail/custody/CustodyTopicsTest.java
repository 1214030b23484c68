package io.sealtrail.custody.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sealtrail.custody.topology.CustodyTopics.Spec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The topics custody-stream needs created: exactly those its topology reads and writes. */
class CustodyTopicsTest {
  private final CustodyStreamConfig config =
      CustodyStreamConfig.from(Map.of(CustodyStreamConfig.SCHEMA_REGISTRY_URL, "mock://topics"));

  @Test
  void shouldListEveryExternalTopicOfTheTopologyAndTheDeadLetterTopicWhenDefault() {
    Set<String> external = externalTopicsOf(CustodyStreamApp.topology(config).describe());

    assertThat(CustodyTopics.all())
        .extracting(Spec::name)
        .containsExactly(
            "custody.events",
            "custody.state",
            "custody.violations",
            "custody.firmware-releases",
            "custody.events.dlq");
    external.add(config.deadLetterTopic());
    assertThat(CustodyTopics.all())
        .extracting(Spec::name)
        .containsExactlyInAnyOrderElementsOf(external);
  }

  @Test
  void shouldKeepEventsForeverAndCompactStateAndReleasesWhenCreated() {
    Map<String, Spec> byName = new HashMap<>();
    CustodyTopics.all().forEach(s -> byName.put(s.name(), s));

    assertThat(byName.get("custody.events").configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1");
    assertThat(byName.get("custody.state").compacted()).isTrue();
    assertThat(byName.get("custody.firmware-releases").configs())
        .containsEntry("cleanup.policy", "compact");
    assertThat(byName.get("custody.firmware-releases").partitions()).isEqualTo(1);
    assertThat(byName.get("custody.violations").configs())
        .containsEntry("retention.ms", Long.toString(CustodyTopics.FORENSIC_RETENTION.toMillis()));
    assertThat(byName.get("custody.events").partitions())
        .isEqualTo(byName.get("custody.state").partitions())
        .isEqualTo(CustodyTopics.DEFAULT_PARTITIONS);
  }

  @Test
  void shouldUseConfiguredNamesWhenTopicsAreRenamed() {
    CustodyStreamConfig renamed =
        CustodyStreamConfig.from(
            Map.of(
                TopicNames.VIOLATIONS_KEY,
                "acme.violations",
                "errors.dead.letter.queue.topic.name",
                "acme.dlq"));

    assertThat(CustodyTopics.of(renamed, 6))
        .extracting(Spec::name, Spec::partitions)
        .contains(tuple("acme.violations", 6), tuple("acme.dlq", 1));
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
