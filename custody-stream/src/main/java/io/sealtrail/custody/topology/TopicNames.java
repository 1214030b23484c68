package io.sealtrail.custody.topology;

import java.util.Map;
import java.util.Objects;

/** The names of the topics custody-stream reads and writes, with the design's defaults. */
public record TopicNames(String events, String state, String violations, String releases) {
  public static final String EVENTS_KEY = "sealtrail.topic.events";
  public static final String STATE_KEY = "sealtrail.topic.state";
  public static final String VIOLATIONS_KEY = "sealtrail.topic.violations";
  public static final String RELEASES_KEY = "sealtrail.topic.releases";

  public TopicNames {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(violations, "violations");
    Objects.requireNonNull(releases, "releases");
  }

  public static TopicNames defaults() {
    return new TopicNames(
        "custody.events", "custody.state", "custody.violations", "custody.firmware-releases");
  }

  /** The names in {@code config}, each falling back to its default. */
  public static TopicNames from(Map<String, String> config) {
    TopicNames d = defaults();
    return new TopicNames(
        config.getOrDefault(EVENTS_KEY, d.events()),
        config.getOrDefault(STATE_KEY, d.state()),
        config.getOrDefault(VIOLATIONS_KEY, d.violations()),
        config.getOrDefault(RELEASES_KEY, d.releases()));
  }
}
