package io.sealtrail.registry.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    return Optional.ofNullable(value).map(Settings::text).filter(s -> !s.isBlank());
  }

  /** Kafka's LIST type arrives as a collection (e.g. {@code schema.registry.url}): comma-joined. */
  private static String text(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().map(Object::toString).collect(Collectors.joining(","));
    }
    return value.toString();
  }

  public long number(String key, long defaultValue) {
    return string(key).map(Long::parseLong).orElse(defaultValue);
  }

  public boolean flag(String key, boolean defaultValue) {
    return string(key).map(String::trim).map(Boolean::parseBoolean).orElse(defaultValue);
  }
}
