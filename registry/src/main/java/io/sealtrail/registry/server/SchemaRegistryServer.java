package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * An embedded, Confluent-compatible schema registry: the REST subset over the JDK's HTTP server,
 * state in a compacted Kafka topic in Confluent's {@code _schemas} format, read to the end before
 * it answers. It must be the only writer of its topic.
 */
public final class SchemaRegistryServer implements AutoCloseable {
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  private final HttpServer http;
  private final ExecutorService executor;
  private final SchemaRegistryCore core;

  private SchemaRegistryServer(HttpServer http, ExecutorService executor, SchemaRegistryCore core) {
    this.http = http;
    this.executor = executor;
    this.core = core;
  }

  /** Creates the topic if missing, replays it, then starts answering HTTP. */
  public static SchemaRegistryServer start(SchemaRegistryServerConfig config) {
    ensureTopic(config);
    SchemaRegistryCore core =
        SchemaRegistryCore.open(
            config.defaultCompatibility(),
            apply ->
                KafkaRegistryLog.open(
                    config.bootstrapServers(), config.topic(), apply, KAFKA_TIMEOUT));
    ExecutorService executor =
        Executors.newFixedThreadPool(4, r -> daemon(r, "schema-registry-http"));
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
      http.createContext("/", new RestRouter(routes(core)));
      http.setExecutor(executor);
      http.start();
      return new SchemaRegistryServer(http, executor, core);
    } catch (IOException e) {
      executor.shutdownNow();
      core.close();
      throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
  }

  /** The base URL clients use, e.g. {@code http://localhost:8081}. */
  public URI url() {
    InetSocketAddress address = http.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    core.close();
  }

  private static List<Route> routes(SchemaRegistryCore core) {
    List<Route> routes = new ArrayList<>();
    routes.add(Route.of("GET", "/", r -> JsonNodeFactory.instance.objectNode()));
    routes.add(Route.of("POST", "/", r -> JsonNodeFactory.instance.objectNode()));
    routes.addAll(SubjectRoutes.of(core));
    routes.addAll(SchemaRoutes.of(core));
    routes.addAll(ConfigRoutes.of(core));
    routes.addAll(ModeRoutes.of(core));
    return routes;
  }

  private static void ensureTopic(SchemaRegistryServerConfig config) {
    try (Admin admin =
        Admin.create(
            java.util.Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
      SchemasTopic.ensure(admin, config.topic(), KAFKA_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing topic " + config.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Cannot prepare schema topic "
              + config.topic()
              + " at "
              + config.bootstrapServers()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
