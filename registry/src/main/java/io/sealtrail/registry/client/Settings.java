package io.sealtrail.registry.client;

import java.util.Map;
import java.util.Optional;

/**
 * Reads client keys from a Kafka-style config map, where values may be strings or typed, and a key
 * may also carry Confluent's {@code schema.registry.} prefix.
 */
public record Settings(Map<String, ?> configs) {
  private static final String PREFIX = "schema.registry.";

  public Optional<String> string(String key) {
    Object value = configs.get(key);
    if (value == null && !key.startsWith(PREFIX)) {
      value = configs.get(PREFIX + key);
    }
    return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
  }

  public long number(String key, long defaultValue) {
    return string(key).map(Long::parseLong).orElse(defaultValue);
  }

  public boolean flag(String key, boolean defaultValue) {
    return string(key).map(String::trim).map(Boolean::parseBoolean).orElse(defaultValue);
  }
}
