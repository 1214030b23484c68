package io.sealtrail.platform.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic a service reads or writes: its name, the serde of its values, and how it is created.
 * Keys are always strings (a serial, a partner id, a product and image hash). A service builds its
 * topics once, in its catalogue, so that names, serdes and settings travel together.
 */
public record Topic<V>(String name, Serde<V> valueSerde, TopicSettings settings) {
  /** Prefix of the configuration keys that rename topics: {@code sealtrail.topics.<id>}. */
  public static final String CONFIG_PREFIX = "sealtrail.topics.";

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(settings, "settings");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }

  public Serde<String> keySerde() {
    return Serdes.String();
  }

  /** This topic under another name, e.g. one test's own prefixed copy. */
  public Topic<V> renamed(String newName) {
    return new Topic<>(newName, valueSerde, settings);
  }

  /** The request to create this topic with {@code keyedPartitions} if it is keyed. */
  public NewTopic newTopic(int keyedPartitions, short replicationFactor) {
    return new NewTopic(name, settings.partitionsOr(keyedPartitions), replicationFactor)
        .configs(settings.configs());
  }

  /** The settings of {@code topics} by name, in their order: what a catalogue must create. */
  public static Map<String, TopicSettings> settingsByName(List<? extends Topic<?>> topics) {
    Map<String, TopicSettings> settings = new LinkedHashMap<>();
    topics.forEach(t -> settings.put(t.name(), t.settings()));
    return settings;
  }

  /**
   * The configured name of the topic {@code id}: {@code sealtrail.topics.<id>} in {@code config},
   * else {@code defaultName}. Every service spells its topic keys this way.
   */
  public static String configuredName(Map<String, String> config, String id, String defaultName) {
    String name = config.get(CONFIG_PREFIX + id);
    return name == null || name.isBlank() ? defaultName : name.strip();
  }
}
