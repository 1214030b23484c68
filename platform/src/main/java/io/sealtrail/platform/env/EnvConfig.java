package io.sealtrail.platform.env;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a service's environment into the flat keys its configuration classes read. Only the
 * declared settings are read, plus any {@code KAFKA_CLIENT_*} variable, which becomes a Kafka
 * client setting ({@code KAFKA_CLIENT_SECURITY_PROTOCOL} → {@code security.protocol}) so that
 * security and tuning need no new code.
 */
public final class EnvConfig {
  /** Prefix of variables passed to every Kafka client of the service. */
  public static final String KAFKA_CLIENT_PREFIX = "KAFKA_CLIENT_";

  private final List<EnvSetting> settings;

  public EnvConfig(List<EnvSetting> settings) {
    this.settings = List.copyOf(settings);
  }

  /** The declared settings, in documentation order. */
  public List<EnvSetting> settings() {
    return settings;
  }

  /**
   * The flat configuration in {@code env}: each declared variable that is set, and each Kafka
   * client variable.
   *
   * @throws IllegalArgumentException naming every required variable that is missing
   */
  public Map<String, String> read(Map<String, String> env) {
    Map<String, String> flat = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (EnvSetting setting : settings) {
      String value = env.get(setting.variable());
      if (value != null && !value.isBlank()) {
        flat.put(setting.key(), value.strip());
      } else if (setting.required()) {
        missing.add(setting.variable());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing environment variables: " + missing);
    }
    flat.putAll(kafkaClientSettings(env));
    return flat;
  }

  /** The Kafka client settings in {@code env}: each {@code KAFKA_CLIENT_*} variable. */
  public static Map<String, String> kafkaClientSettings(Map<String, String> env) {
    Map<String, String> kafka = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(KAFKA_CLIENT_PREFIX)
              && name.length() > KAFKA_CLIENT_PREFIX.length()) {
            kafka.put(kafkaKeyOf(name), value);
          }
        });
    return kafka;
  }

  /** Whether the service reads {@code variable}. */
  public boolean reads(String variable) {
    Objects.requireNonNull(variable, "variable");
    return variable.startsWith(KAFKA_CLIENT_PREFIX)
        || settings.stream().anyMatch(s -> s.variable().equals(variable));
  }

  static String kafkaKeyOf(String variable) {
    return variable
        .substring(KAFKA_CLIENT_PREFIX.length())
        .toLowerCase(Locale.ROOT)
        .replace('_', '.');
  }
}
