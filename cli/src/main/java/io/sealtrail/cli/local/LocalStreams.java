package io.sealtrail.cli.local;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The flat configuration every Kafka Streams service gets in local mode: this broker and registry,
 * its own state directory under the data directory (so state survives a restart), no standby
 * replica (there is one instance), and few single-replica partitions for the topics it declares;
 * over the settings the configuration carries.
 */
final class LocalStreams {
  /** Partitions of the topics keyed by serial; ingest's {@code custody.events} has as many. */
  static final int PARTITIONS = 3;

  private LocalStreams() {}

  static Map<String, String> flat(
      LocalConfig config, String service, String bootstrapServers, URI registryUrl) {
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
            "sealtrail.topic.partitions",
            Integer.toString(PARTITIONS),
            "sealtrail.topic.replication-factor",
            "1"));
    return flat;
  }
}
