package io.sealtrail.registry.server;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.Errors;
import java.util.Objects;
import java.util.Set;

/**
 * Where the embedded registry listens and keeps its state. Port 0 picks a free port; the topic is
 * created (1 partition, compacted) when missing.
 *
 * @param incompatibleErrorCode the {@code error_code} of the 409 answered to an incompatible
 *     schema: {@value Errors#INCOMPATIBLE_SCHEMA} as Confluent since CP 8.0.4, 8.1.2 and 8.2
 *     (default), or 409 as Confluent before, for clients that compare the code
 */
public record SchemaRegistryServerConfig(
    String bootstrapServers,
    String host,
    int port,
    String topic,
    CompatibilityLevel defaultCompatibility,
    int incompatibleErrorCode) {

  /** The error codes Confluent has answered an incompatible schema with. */
  public static final Set<Integer> INCOMPATIBLE_ERROR_CODES =
      Set.of(409, Errors.INCOMPATIBLE_SCHEMA);

  public SchemaRegistryServerConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
    if (!INCOMPATIBLE_ERROR_CODES.contains(incompatibleErrorCode)) {
      throw new IllegalArgumentException(
          "incompatibleErrorCode must be 409 or 40901, not " + incompatibleErrorCode);
    }
  }

  /** Answers an incompatible schema with error code {@value Errors#INCOMPATIBLE_SCHEMA}. */
  public SchemaRegistryServerConfig(
      String bootstrapServers,
      String host,
      int port,
      String topic,
      CompatibilityLevel defaultCompatibility) {
    this(bootstrapServers, host, port, topic, defaultCompatibility, Errors.INCOMPATIBLE_SCHEMA);
  }

  /** This config answering an incompatible schema with {@code code} (409 or 40901). */
  public SchemaRegistryServerConfig withIncompatibleErrorCode(int code) {
    return new SchemaRegistryServerConfig(
        bootstrapServers, host, port, topic, defaultCompatibility, code);
  }

  /** localhost:8081, topic {@code _schemas}, BACKWARD: Confluent's defaults. */
  public static SchemaRegistryServerConfig defaults(String bootstrapServers) {
    return new SchemaRegistryServerConfig(
        bootstrapServers, "localhost", 8081, "_schemas", CompatibilityLevel.BACKWARD);
  }
}
