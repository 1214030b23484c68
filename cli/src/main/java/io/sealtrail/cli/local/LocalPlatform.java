package io.sealtrail.cli.local;

import io.sealtrail.ingest.http.IngestService;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * Everything local mode runs in one process: the Kafka broker, the design's topics, the schema
 * registry and the ingest service with its HTTP API. Started in dependency order, closed in
 * reverse.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final String SCHEMAS_TOPIC = "_schemas";

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private EmbeddedKafka kafka;
  private SchemaRegistryServer registry;
  private IngestService ingest;
  private List<String> createdTopics = List.of();
  private String host;

  private LocalPlatform() {}

  /** Starts every part; if one fails, the parts already started are stopped again. */
  public static LocalPlatform start(LocalConfig config) throws Exception {
    var platform = new LocalPlatform();
    try {
      platform.boot(config);
      return platform;
    } catch (Exception e) {
      try {
        platform.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void boot(LocalConfig config) throws Exception {
    host = config.host();
    kafka =
        EmbeddedKafka.start(
            config.kafkaDir(), config.host(), config.kafkaPort(), config.controllerPort());
    running.push(kafka);
    try (Admin admin = Admin.create(kafka.adminConfig())) {
      createdTopics = new TopicProvisioner(admin).ensure(LocalTopics.all());
    }
    var defaults = SchemaRegistryServerConfig.defaults(kafka.bootstrapServers());
    registry =
        SchemaRegistryServer.start(
            new SchemaRegistryServerConfig(
                kafka.bootstrapServers(),
                config.host(),
                config.registryPort(),
                SCHEMAS_TOPIC,
                defaults.defaultCompatibility()));
    running.push(registry);
    ingest = LocalIngest.start(config, kafka.bootstrapServers(), registryUrl());
    running.push(ingest);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The registry's address as users should type it: the configured host, the bound port. */
  public URI registryUrl() {
    return URI.create("http://" + host + ":" + registry.url().getPort());
  }

  /** Where the HTTP API answers, with the configured host and the bound port. */
  public URI httpUrl() {
    return URI.create("http://" + host + ":" + ingest.url().getPort());
  }

  /** Every topic local mode runs on: the design's own, then the ingest service's. */
  public List<String> topicNames() {
    var names = new java.util.ArrayList<>(LocalTopics.all().stream().map(TopicSpec::name).toList());
    names.addAll(ingest.topicNames());
    return names;
  }

  /** Topics this start created; empty when the data directory already had them all. */
  public List<String> createdTopics() {
    return createdTopics;
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
