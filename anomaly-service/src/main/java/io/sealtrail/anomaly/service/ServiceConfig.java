package io.sealtrail.anomaly.service;

import io.sealtrail.anomaly.notify.WebhookConfig;
import io.sealtrail.anomaly.topology.AnomalyConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the anomaly service runs with, read once from flat keys (the README lists each with
 * its default): the streams application, where the standalone HTTP server listens, the role token
 * directory, the partitions of the topics it creates, and the optional webhook.
 */
public record ServiceConfig(
    AnomalyConfig anomaly,
    String httpHost,
    int httpPort,
    Path tokenDir,
    int partitions,
    short replicationFactor,
    Optional<WebhookConfig> webhook) {
  public ServiceConfig {
    Objects.requireNonNull(anomaly, "anomaly");
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(tokenDir, "tokenDir");
    Objects.requireNonNull(webhook, "webhook");
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("http port must be 0..65535, got " + httpPort);
    }
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException("partitions and replication factor must be positive");
    }
  }

  /** The keys an environment variable may set (see {@link FlatConfig}); others need the file. */
  public static final List<String> ENV_KEYS =
      List.of(
          "application.id",
          "bootstrap.servers",
          "schema.registry.url",
          "state.dir",
          "num.standby.replicas",
          "sealtrail.http.host",
          "sealtrail.http.port",
          "sealtrail.http.advertised-host",
          "sealtrail.management.port",
          "sealtrail.tokens.dir",
          "sealtrail.topic.partitions",
          "sealtrail.topic.replication-factor",
          "sealtrail.anomaly.webhook.url",
          "sealtrail.anomaly.webhook.secret",
          "sealtrail.anomaly.webhook.send",
          "sealtrail.anomaly.webhook.max-attempts",
          "sealtrail.anomaly.webhook.backoff",
          "sealtrail.anomaly.webhook.max-backoff",
          "sealtrail.anomaly.webhook.timeout");

  public static ServiceConfig from(Map<String, String> flat) {
    return new ServiceConfig(
        AnomalyConfig.from(flat),
        flat.getOrDefault("sealtrail.http.host", "0.0.0.0"),
        Integer.parseInt(flat.getOrDefault("sealtrail.http.port", "8083")),
        Path.of(flat.getOrDefault("sealtrail.tokens.dir", "/etc/sealtrail/tokens")),
        Integer.parseInt(flat.getOrDefault("sealtrail.topic.partitions", "6")),
        Short.parseShort(flat.getOrDefault("sealtrail.topic.replication-factor", "3")),
        WebhookConfig.from(flat));
  }
}
