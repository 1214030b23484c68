package io.sealtrail.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) inside this process,
 * whose log directory survives restarts: it is formatted once, then reopened.
 */
public final class LocalBroker implements AutoCloseable {

  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private LocalBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Formats {@code dataDir} on first use, starts the broker and waits until it serves. */
  public static LocalBroker start(Path dataDir, String host, int brokerPort, int controllerPort)
      throws Exception {
    Path logDir = dataDir.toAbsolutePath();
    Files.createDirectories(logDir);
    Map<String, Object> config = brokerConfig(logDir, host, brokerPort, controllerPort);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(logDir);
    }
    var server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    server.startup();
    String bootstrap = host + ":" + brokerPort;
    var kafka = new LocalBroker(server, bootstrap);
    try {
      kafka.awaitReady();
    } catch (Exception e) {
      kafka.close();
      throw e;
    }
    return kafka;
  }

  private static Map<String, Object> brokerConfig(
      Path logDir, String host, int brokerPort, int controllerPort) {
    return Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", String.valueOf(NODE_ID)),
        Map.entry("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort),
        Map.entry("controller.listener.names", CONTROLLER),
        Map.entry(
            "listeners",
            "PLAINTEXT://"
                + host
                + ":"
                + brokerPort
                + ","
                + CONTROLLER
                + "://"
                + host
                + ":"
                + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        // One node: every internal topic must live with a single replica.
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("num.partitions", "3"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // Local mode runs on laptops: keep the broker's own footprint small.
        Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)),
        Map.entry("num.network.threads", "2"),
        Map.entry("num.io.threads", "4"));
  }

  private static void format(Path logDir) throws Exception {
    new Formatter()
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(Set.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(CONTROLLER)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();
  }

  private void awaitReady() throws Exception {
    try (Admin admin = Admin.create(adminConfig())) {
      admin
          .describeCluster()
          .nodes()
          .get(READY_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Client configuration that reaches this broker. */
  public Map<String, Object> adminConfig() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) READY_TIMEOUT.toMillis());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
