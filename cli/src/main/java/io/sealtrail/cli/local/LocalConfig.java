package io.sealtrail.cli.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where local mode keeps its data and which ports it listens on. Port 0 is not allowed for Kafka:
 * clients are told the broker's address before it starts; the registry and HTTP may use 0 (any).
 */
public record LocalConfig(
    Path dataDir, String host, int kafkaPort, int controllerPort, int registryPort, int httpPort) {

  public static final Path DEFAULT_DATA_DIR =
      Path.of(System.getProperty("user.home"), ".sealtrail", "local");

  public LocalConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    requirePort("kafka", kafkaPort);
    requirePort("controller", controllerPort);
    if (registryPort < 0 || registryPort > 65535) {
      throw new IllegalArgumentException("registry port out of range: " + registryPort);
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("http port out of range: " + httpPort);
    }
    if (kafkaPort == controllerPort) {
      throw new IllegalArgumentException("kafka and controller ports must differ: " + kafkaPort);
    }
  }

  private static void requirePort(String name, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " port must be 1-65535: " + port);
    }
  }

  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  /** Where the role tokens of the HTTP API are kept, one file per role. */
  public Path tokensDir() {
    return dataDir.resolve("tokens");
  }

  /** Kafka Streams state of one service ({@code custody-stream}, {@code anomaly-service}). */
  public Path stateDir(String service) {
    return dataDir.resolve("streams").resolve(service);
  }
}
