package io.sealtrail.cli.local;

import java.util.Map;
import java.util.Objects;

/** One topic of the design: its name, how many partitions, and whether it is compacted. */
public record TopicSpec(String name, int partitions, boolean compacted) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
  }

  /** Topic-level configuration the broker is asked for when the topic is created. */
  public Map<String, String> configs() {
    return compacted ? Map.of("cleanup.policy", "compact") : Map.of();
  }
}
