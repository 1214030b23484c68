package io.sealtrail.bench.kafka;

import io.sealtrail.cli.local.LocalBroker;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The one broker every figure and its baseline run on: local mode's single-node KRaft broker and
 * schema registry in this process, with their data in a temporary directory.
 */
public final class BenchCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  public static final int PARTITIONS = 3;
  private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final LocalBroker kafka;
  private final SchemaRegistryServer registry;
  private final Admin admin;

  private BenchCluster(Path dataDir, LocalBroker kafka, SchemaRegistryServer registry) {
    this.dataDir = dataDir;
    this.kafka = kafka;
    this.registry = registry;
    this.admin = Admin.create(kafka.adminConfig());
  }

  public static BenchCluster start(Path dataDir) throws Exception {
    LocalBroker kafka = LocalBroker.start(dataDir.resolve("kafka"), HOST, freePort(), freePort());
    var defaults = SchemaRegistryServerConfig.defaults(kafka.bootstrapServers());
    SchemaRegistryServer registry =
        SchemaRegistryServer.start(
            new SchemaRegistryServerConfig(
                kafka.bootstrapServers(), HOST, 0, "_schemas", defaults.defaultCompatibility()));
    return new BenchCluster(dataDir, kafka, registry);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Serde settings of every Avro client: the registry, schemas registered on first use. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> serde = new HashMap<>();
    serde.put("schema.registry.url", "http://" + HOST + ":" + registry.url().getPort());
    serde.put("auto.register.schemas", true);
    return serde;
  }

  public Admin admin() {
    return admin;
  }

  /** A fresh directory under the run's data directory, e.g. for a Streams state dir. */
  public Path directory(String name) throws IOException {
    return Files.createDirectories(dataDir.resolve(name));
  }

  /**
   * Creates topics with {@link #PARTITIONS} partitions and one replica, and returns once the broker
   * serves a leader for every partition: an idempotent producer that writes sooner can meet
   * NOT_LEADER on its first batch and then retry it forever as out of sequence.
   */
  public void createTopics(Collection<String> names)
      throws InterruptedException, ExecutionException {
    List<NewTopic> topics =
        names.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
    admin.createTopics(topics).all().get();
    awaitLeaders(names);
  }

  /** Returns once the broker serves a leader for every partition of {@code names}. */
  public void awaitLeaders(Collection<String> names) throws InterruptedException {
    long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
    while (!haveLeaders(names)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no leaders for " + names + " within " + LEADERS_TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  private boolean haveLeaders(Collection<String> names) throws InterruptedException {
    try {
      return admin.describeTopics(names).allTopicNames().get().values().stream()
          .flatMap(topic -> topic.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException e) {
      return false; // not in the broker's metadata yet
    }
  }

  @Override
  public void close() {
    admin.close();
    registry.close();
    kafka.close();
  }
}
