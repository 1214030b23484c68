package io.sealtrail.cli.local;

import java.util.List;

/**
 * The topics of DESIGN.md as local mode creates them. Partition counts are small because one broker
 * serves them; {@code deploy/} sizes them for a cluster.
 */
public final class LocalTopics {

  private static final int PARTITIONS = 3;

  private static final List<TopicSpec> ALL =
      List.of(
          new TopicSpec("custody.inbound", PARTITIONS, false),
          new TopicSpec("custody.events", PARTITIONS, false),
          new TopicSpec("custody.rejected", PARTITIONS, false),
          new TopicSpec("custody.partners", 1, true),
          new TopicSpec("custody.state", PARTITIONS, true),
          new TopicSpec("custody.violations", PARTITIONS, false),
          new TopicSpec("custody.alerts", PARTITIONS, true));

  private LocalTopics() {}

  public static List<TopicSpec> all() {
    return ALL;
  }
}
