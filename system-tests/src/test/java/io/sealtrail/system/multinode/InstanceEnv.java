package io.sealtrail.system.multinode;

import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.topology.AnomalyRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment that configures each kind of service instance on {@code platform}, as deploy/
 * configures it: role tokens from {@code tokens}, state directories under {@code work}, and
 * custody-stream and anomaly-service instances advertising {@code advertisedHost} to each other for
 * forwarded queries. The HTTP and metrics ports are the caller's to add.
 */
record InstanceEnv(Platform platform, Path tokens, Path work) {

  Map<String, String> ingest(String name, int partitions) {
    Map<String, String> env = common();
    env.put("SEALTRAIL_INGEST_INSTANCE_ID", name);
    env.put("SEALTRAIL_TOPICS_PARTITIONS", Integer.toString(partitions));
    env.put("SEALTRAIL_TOPICS_REPLICATION_FACTOR", Integer.toString(platform.replicationFactor()));
    return env;
  }

  Map<String, String> custody(String name, String advertisedHost) throws IOException {
    Map<String, String> env = stream(name);
    env.put("NUM_STANDBY_REPLICAS", "1");
    env.put("SEALTRAIL_HTTP_ADVERTISED_HOST", advertisedHost);
    return env;
  }

  /**
   * An anomaly-service instance advertising {@code advertisedHost} to the others for forwarded
   * spike chart reads, with rejection-spike windows of 10 s that close 2 s after their last hit
   * (defaults: an hour and 5 minutes), so that the charts fill while a scenario runs.
   */
  Map<String, String> anomaly(String name, String advertisedHost) throws IOException {
    Map<String, String> env = stream(name);
    env.put("NUM_STANDBY_REPLICAS", "0");
    env.put("SEALTRAIL_HTTP_ADVERTISED_HOST", advertisedHost);
    Map.of("window", "PT10S", "grace", "PT2S", "settle", "PT2S", "wall-settle", "PT2S")
        .forEach(
            (key, value) ->
                env.put(anomalyVariable(AnomalyRules.REJECTION_SPIKE_PREFIX + key), value));
    return env;
  }

  // The variable anomaly-service reads the setting from; a key it no longer reads fails here, not
  // as charts that never fill.
  private static String anomalyVariable(String key) {
    return AnomalyConfig.ENVIRONMENT.settings().stream()
        .filter(setting -> setting.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("anomaly-service reads no " + key))
        .variable();
  }

  private Map<String, String> stream(String name) throws IOException {
    Map<String, String> env = common();
    env.put("STATE_DIR", Files.createDirectories(work.resolve(name)).toString());
    // Changelog and repartition topics replicated like the declared ones.
    env.put("KAFKA_CLIENT_REPLICATION_FACTOR", Integer.toString(platform.replicationFactor()));
    return env;
  }

  private Map<String, String> common() {
    Map<String, String> env = new HashMap<>();
    env.put("BOOTSTRAP_SERVERS", platform.bootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", platform.registryUrl().toString());
    env.put("SEALTRAIL_TOKENS_DIR", tokens.toString());
    // A killed instance's partitions move after 6 s instead of the default 45 s.
    env.put("KAFKA_CLIENT_SESSION_TIMEOUT_MS", "6000");
    env.put("KAFKA_CLIENT_HEARTBEAT_INTERVAL_MS", "1500");
    return env;
  }
}
