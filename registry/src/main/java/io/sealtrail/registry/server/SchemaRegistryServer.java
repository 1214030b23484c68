package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.LogState;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
  private static final int HTTP_THREADS = 64;

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
    return serve(core, config.host(), config.port(), config.incompatibleErrorCode());
  }

  /** Answers HTTP with the given core; closing the server closes the core. */
  static SchemaRegistryServer serve(SchemaRegistryCore core, String host, int port) {
    return serve(core, host, port, Errors.INCOMPATIBLE_SCHEMA);
  }

  /**
   * As {@link #serve(SchemaRegistryCore, String, int)}, with the code of an incompatible schema.
   */
  static SchemaRegistryServer serve(
      SchemaRegistryCore core, String host, int port, int incompatibleErrorCode) {
    ExecutorService executor = httpExecutor();
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
      http.createContext("/", new RestRouter(routes(core), incompatibleErrorCode));
      http.setExecutor(executor);
      http.start();
      return new SchemaRegistryServer(http, executor, core);
    } catch (IOException e) {
      executor.shutdownNow();
      core.close();
      throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
    }
  }

  /**
   * Threads on demand up to {@link #HTTP_THREADS}, idle ones retired: a write stuck on the topic
   * (the core lets at most 16 wait behind it) leaves threads for reads of the in-memory state.
   */
  private static ExecutorService httpExecutor() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            HTTP_THREADS,
            HTTP_THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "schema-registry-http"));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** The base URL clients use, e.g. {@code http://localhost:8081}. */
  public URI url() {
    InetSocketAddress address = http.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /**
   * Whether this registry can serve: its state follows the topic, i.e. the reader of the topic
   * runs. Once that reader stopped, reads answer from a state that no longer changes and writes
   * fail, so a health check built on this reports the registry down with {@link
   * LogState#stoppedBecause()} (local mode's {@code /health/readiness} does). {@code GET /} answers
   * 500 with that reason too.
   */
  public LogState readiness() {
    return core.logState();
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
    routes.add(Route.of("GET", "/", r -> root(core)));
    routes.add(Route.of("POST", "/", r -> root(core)));
    // Contexts are not supported: only the default one, which Confluent names ".".
    routes.add(Route.of("GET", "/contexts", r -> List.of(".")));
    routes.addAll(SubjectRoutes.of(core));
    routes.addAll(SchemaRoutes.of(core));
    routes.addAll(ConfigRoutes.of(core));
    routes.addAll(ModeRoutes.of(core));
    return routes;
  }

  /** Confluent's health probe answers {@code {}}; here only while the topic is followed. */
  private static Object root(SchemaRegistryCore core) {
    LogState state = core.logState();
    if (!state.following()) {
      throw Errors.storeError(
          "the registry no longer follows its topic: " + state.stoppedBecause().orElseThrow(),
          null);
    }
    return JsonNodeFactory.instance.objectNode();
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
