package io.sealtrail.cli.local;

import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogNode;
import io.sealtrail.log.LogTopics;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.platform.http.Serving;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The log service as local mode runs it: one instance, its state under the data directory, its
 * signing key generated once at {@code <data-dir>/log/log.key} (so that a restart signs with the
 * same key and continues the same log), and its topics with one replica.
 */
final class LocalLog {
  static final String SERVICE = "log-service";

  private LocalLog() {}

  /** The key local mode signs checkpoints with. */
  static Path keyFile(LocalConfig config) {
    return config.dataDir().resolve("log").resolve("log.key");
  }

  /**
   * Creates the key and the topics if missing, then starts the log as {@code serving} says (local
   * mode: shared, its host starts its streams once it serves the log's routes).
   */
  static LogNode start(
      LocalConfig config, String bootstrapServers, URI registryUrl, int httpPort, Serving serving)
      throws Exception {
    Map<String, String> flat =
        LocalStreams.flat(config, SERVICE, bootstrapServers, registryUrl, httpPort);
    flat.putIfAbsent(LogConfig.KEY_FILE, keyFile(config).toString());
    LogConfig log = LogConfig.from(flat);
    LogKey.ensure(log.signing().keyFile(), log.signing().origin());
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", log.streams().bootstrapServers()))) {
      new TopicProvisioner(admin)
          .ensure(LogTopics.from(log, log.serdeConfig()).newTopics((short) 1));
    }
    return LogNode.start(log, serving);
  }
}
