package io.sealtrail.cli.local;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The flat configuration every Kafka Streams service gets in local mode: this broker and registry,
 * its own state directory under the data directory (so state survives a restart), and no standby
 * replica, since there is only one instance.
 */
final class LocalStreams {
  private LocalStreams() {}

  static Map<String, String> flat(
      LocalConfig config, String service, String bootstrapServers, URI registryUrl) {
    return Map.of(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        "schema.registry.url",
        registryUrl.toString(),
        StreamsConfig.STATE_DIR_CONFIG,
        config.stateDir(service).toString(),
        StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
        "0");
  }
}
