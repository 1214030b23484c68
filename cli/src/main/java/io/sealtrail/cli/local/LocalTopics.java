package io.sealtrail.cli.local;

import java.util.List;

/**
 * The topics of DESIGN.md that local mode creates itself. Partition counts are small because one
 * broker serves them; {@code deploy/} sizes them for a cluster. The ingest topics (inbound, events,
 * rejected, partners and ingest's internal ones) are created by the ingest service with the
 * settings it checks at start (LogAppendTime on inbound, unlimited retention on events).
 */
public final class LocalTopics {

  private static final int PARTITIONS = 3;

  private static final List<TopicSpec> ALL =
      List.of(
          new TopicSpec("custody.state", PARTITIONS, true),
          new TopicSpec("custody.violations", PARTITIONS, false),
          new TopicSpec("custody.alerts", PARTITIONS, true));

  private LocalTopics() {}

  public static List<TopicSpec> all() {
    return ALL;
  }
}
