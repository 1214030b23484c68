package io.sealtrail.client.it;

import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogNode;
import io.sealtrail.log.LogTopics;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.TempDirs;
import io.sealtrail.translog.note.NoteSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real log service reading what an {@link IngestPlatform} accepts, on the same broker and
 * registry, with its own key, tokens and a short checkpoint interval.
 */
final class LogPlatform implements AutoCloseable {
  static final String ORIGIN = "sealtrail.example/log";

  private final Path dir;
  private final NoteSigner signer;
  private final LogNode node;

  LogPlatform(EmbeddedKafka kafka, IngestPlatform ingest) throws Exception {
    String scope = EmbeddedKafka.uniqueName("client-log");
    this.dir = Files.createTempDirectory("client-log");
    this.signer = LogKey.ensure(dir.resolve("log.key"), ORIGIN);
    RoleTokens.ensure(dir.resolve("tokens"));
    Map<String, String> s = new HashMap<>();
    s.put("application.id", scope);
    s.put("bootstrap.servers", kafka.bootstrapServers());
    s.put("schema.registry.url", ingest.registryUrl());
    s.put("state.dir", Files.createDirectories(dir.resolve("state")).toString());
    s.put("num.standby.replicas", "0");
    s.put("sealtrail.topics.events", ingest.eventsTopic());
    s.put("sealtrail.topics.log", scope + ".log");
    s.put("sealtrail.topics.log-checkpoints", scope + ".log.checkpoints");
    s.put("sealtrail.topics.log-dlq", scope + ".log.dlq");
    s.put(LogConfig.ORIGIN, ORIGIN);
    s.put(LogConfig.KEY_FILE, dir.resolve("log.key").toString());
    s.put(LogConfig.CHECKPOINT_INTERVAL, "PT0.3S");
    s.put("sealtrail.http.host", "127.0.0.1");
    s.put("sealtrail.http.port", "0");
    s.put("sealtrail.management.port", "0");
    s.put("sealtrail.tokens.dir", dir.resolve("tokens").toString());
    LogConfig config = LogConfig.from(s);
    try (var admin = kafka.admin()) {
      admin
          .createTopics(LogTopics.from(config, config.serdeConfig()).newTopics((short) 1))
          .all()
          .get();
    }
    this.node = LogNode.start(config);
  }

  URI url() {
    return node.url();
  }

  /** The verifier key of the log, as {@code GET /v1/log/key} answers it. */
  String verifierKey() {
    return signer.verifierKey().toString();
  }

  String token(Role role) throws IOException {
    return Files.readString(dir.resolve("tokens").resolve(role.fileName())).strip();
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      TempDirs.delete(dir);
    }
  }
}
