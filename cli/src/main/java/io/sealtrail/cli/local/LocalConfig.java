package io.sealtrail.cli.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where local mode keeps its data and which ports it listens on. Port 0 is not allowed for Kafka:
 * clients are told the broker's address before it starts; the registry and HTTP may use 0 (any).
 *
 * @param managementPort where {@code /prometheus} answers (0: a free port); never the API's port
 * @param settings flat settings for the streams services over local mode's own, e.g. the demo's
 *     short spike windows
 */
public record LocalConfig(
    Path dataDir,
    String host,
    int kafkaPort,
    int controllerPort,
    int registryPort,
    int httpPort,
    int managementPort,
    Map<String, String> settings) {

  public static final Path DEFAULT_DATA_DIR =
      Path.of(System.getProperty("user.home"), ".sealtrail", "local");

  public LocalConfig(
      Path dataDir,
      String host,
      int kafkaPort,
      int controllerPort,
      int registryPort,
      int httpPort) {
    this(dataDir, host, kafkaPort, controllerPort, registryPort, httpPort, 0, Map.of());
  }

  public LocalConfig {
    settings = Map.copyOf(settings);
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
    if (managementPort < 0 || managementPort > 65535) {
      throw new IllegalArgumentException("management port out of range: " + managementPort);
    }
    if (kafkaPort == controllerPort) {
      throw new IllegalArgumentException("kafka and controller ports must differ: " + kafkaPort);
    }
  }

  /** This configuration with {@code more} settings for the streams services. */
  public LocalConfig with(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(settings);
    all.putAll(more);
    return new LocalConfig(
        dataDir, host, kafkaPort, controllerPort, registryPort, httpPort, managementPort, all);
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
