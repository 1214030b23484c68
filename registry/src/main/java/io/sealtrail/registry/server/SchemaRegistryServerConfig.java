package io.sealtrail.registry.server;

import io.sealtrail.registry.core.CompatibilityLevel;
import java.util.Objects;

/**
 * Where the embedded registry listens and keeps its state. Port 0 picks a free port; the topic is
 * created (1 partition, compacted) when missing.
 */
public record SchemaRegistryServerConfig(
    String bootstrapServers,
    String host,
    int port,
    String topic,
    CompatibilityLevel defaultCompatibility) {

  public SchemaRegistryServerConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
  }

  /** localhost:8081, topic {@code _schemas}, BACKWARD: Confluent's defaults. */
  public static SchemaRegistryServerConfig defaults(String bootstrapServers) {
    return new SchemaRegistryServerConfig(
        bootstrapServers, "localhost", 8081, "_schemas", CompatibilityLevel.BACKWARD);
  }
}
