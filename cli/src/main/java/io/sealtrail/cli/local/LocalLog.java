package io.sealtrail.cli.local;

import io.sealtrail.log.LogConfig;
import io.sealtrail.log.key.LogKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

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
   * The log's configuration in local mode, its signing key created if missing (its topics are
   * created with the other services' by {@link LocalTopics}).
   */
  static LogConfig config(
      LocalConfig config, String bootstrapServers, URI registryUrl, int httpPort) {
    Map<String, String> flat =
        LocalStreams.flat(config, SERVICE, bootstrapServers, registryUrl, httpPort);
    flat.putIfAbsent(LogConfig.KEY_FILE, keyFile(config).toString());
    // Evidence bundles ask custody-stream, ingest and anomaly-service: all on this one port.
    String self = "http://" + config.host() + ":" + httpPort;
    flat.putIfAbsent(LogConfig.CUSTODY_URL, self);
    flat.putIfAbsent(LogConfig.INGEST_URL, self);
    flat.putIfAbsent(LogConfig.ANOMALY_URL, self);
    LogConfig log = LogConfig.from(flat);
    LogKey.ensure(log.signing().keyFile(), log.signing().origin());
    return log;
  }
}
