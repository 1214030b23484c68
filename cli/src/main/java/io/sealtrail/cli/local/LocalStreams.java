package io.sealtrail.cli.local;

import io.sealtrail.platform.http.HttpSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The flat configuration every Kafka Streams service gets in local mode: this broker and registry,
 * its own state directory under the data directory (so state survives a restart), no standby
 * replica (there is one instance), and the shared HTTP server's host and port as its own (where
 * other instances would forward to); over the settings the configuration carries. Its topics are
 * created with {@link #PARTITIONS} single-replica partitions ({@link LocalTopics}).
 */
final class LocalStreams {
  /** Partitions of the topics keyed by serial; ingest's {@code custody.events} has as many. */
  static final int PARTITIONS = 3;

  private LocalStreams() {}

  static Map<String, String> flat(
      LocalConfig config, String service, String bootstrapServers, URI registryUrl, int httpPort) {
    Map<String, String> flat = new HashMap<>(config.settings());
    flat.putAll(
        Map.of(
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            "schema.registry.url",
            registryUrl.toString(),
            StreamsConfig.STATE_DIR_CONFIG,
            config.stateDir(service).toString(),
            StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
            "0",
            HttpSettings.ADVERTISED_HOST_KEY,
            config.host(),
            HttpSettings.PORT_KEY,
            Integer.toString(httpPort)));
    return flat;
  }
}
