package io.sealtrail.cli.local;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.http.IngestService;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import java.net.URI;
import java.util.Map;

/** The ingest service as local mode runs it: one instance, single-replica topics, one HTTP port. */
final class LocalIngest {
  private static final String INSTANCE_ID = "local";

  private LocalIngest() {}

  static IngestService start(LocalConfig config, String bootstrapServers, URI registryUrl)
      throws Exception {
    var ingest =
        IngestConfig.fromConfig(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "sealtrail.ingest.instance-id",
                INSTANCE_ID,
                // One broker: one replica, and few partitions, like the other local topics.
                "sealtrail.topics.partitions",
                "3",
                "sealtrail.topics.replication-factor",
                "1"));
    Map<String, Object> serde =
        Map.of("schema.registry.url", registryUrl.toString(), "auto.register.schemas", true);
    RoleTokens tokens = RoleTokens.ensure(config.tokensDir());
    return IngestService.start(
        ingest,
        serde,
        IngestListener.NONE,
        tokens,
        new HttpBinding(config.host(), config.httpPort(), Map.of()));
  }
}
