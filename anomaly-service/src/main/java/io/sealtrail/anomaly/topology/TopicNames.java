package io.sealtrail.anomaly.topology;

import java.util.Map;
import java.util.Objects;

/** The names of the topics the anomaly service reads and writes, with the design's defaults. */
public record TopicNames(
    String violations, String events, String rejected, String alerts, String commands) {
  public static final String VIOLATIONS_KEY = "sealtrail.topic.violations";
  public static final String EVENTS_KEY = "sealtrail.topic.events";
  public static final String REJECTED_KEY = "sealtrail.topic.rejected";
  public static final String ALERTS_KEY = "sealtrail.topic.alerts";
  public static final String COMMANDS_KEY = "sealtrail.topic.alert-commands";

  public TopicNames {
    Objects.requireNonNull(violations, "violations");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(commands, "commands");
  }

  public static TopicNames defaults() {
    return new TopicNames(
        "custody.violations",
        "custody.events",
        "custody.rejected",
        "custody.alerts",
        "custody.alert-commands");
  }

  /** The names in {@code config}, each falling back to its default. */
  public static TopicNames from(Map<String, String> config) {
    TopicNames d = defaults();
    return new TopicNames(
        config.getOrDefault(VIOLATIONS_KEY, d.violations()),
        config.getOrDefault(EVENTS_KEY, d.events()),
        config.getOrDefault(REJECTED_KEY, d.rejected()),
        config.getOrDefault(ALERTS_KEY, d.alerts()),
        config.getOrDefault(COMMANDS_KEY, d.commands()));
  }
}
