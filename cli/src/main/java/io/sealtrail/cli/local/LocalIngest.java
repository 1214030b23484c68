package io.sealtrail.cli.local;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.platform.http.Serving;
import java.net.URI;
import java.util.Map;

/** The ingest service as local mode runs it: one instance, single-replica topics. */
final class LocalIngest {
  private static final String INSTANCE_ID = "local";

  private LocalIngest() {}

  /** Starts ingest without a server of its own: local mode serves its routes on the one port. */
  static IngestNode start(String bootstrapServers, URI registryUrl, Serving serving)
      throws Exception {
    var ingest =
        IngestConfig.from(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "schema.registry.url",
                registryUrl.toString(),
                "sealtrail.ingest.instance-id",
                INSTANCE_ID,
                // One broker: one replica, and few partitions, like the other local topics.
                "sealtrail.topics.partitions",
                "3",
                "sealtrail.topics.replication-factor",
                "1"));
    return IngestNode.start(ingest, IngestNode.Options.defaults().withServing(serving));
  }
}
