package io.sealtrail.cli.local;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyNode;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.log.LogNode;
import io.sealtrail.platform.auth.AuthSettings;
import io.sealtrail.platform.auth.Identity;
import io.sealtrail.platform.auth.UserStore;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.node.Parts;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything local mode runs in one process: the Kafka broker, every service's topics, the schema
 * registry, ingest, custody-stream and anomaly-service, with every route on one HTTP server.
 * Started in dependency order, closed in reverse.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final String SCHEMAS_TOPIC = "_schemas";
  private static final String CUSTODY = "custody-stream";
  private static final String ANOMALY = "anomaly-service";
  private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration USERS_CATCH_UP = Duration.ofMinutes(1);
  private static final String STOPPED_WHILE_STARTING = "local mode was stopped while starting";

  private final Parts running = new Parts();
  private final Consumer<String> progress;
  private LocalBroker kafka;
  private SchemaRegistryServer registry;
  private IngestNode ingest;
  private PlatformHttpServer server;
  private List<String> streamTopics = List.of();
  private List<String> createdTopics = List.of();
  private String host;
  private volatile boolean closed;
  private volatile CompletableFuture<ServiceWatch.Death> death = new CompletableFuture<>();

  private LocalPlatform(Consumer<String> progress) {
    this.progress = progress;
  }

  /** Starts every part quietly; see {@link #start(LocalConfig, Consumer)}. */
  public static LocalPlatform start(LocalConfig config) throws Exception {
    return start(config, step -> {});
  }

  /**
   * Starts every part, telling {@code progress} each step; if one fails, the parts already started
   * are stopped again.
   */
  public static LocalPlatform start(LocalConfig config, Consumer<String> progress)
      throws Exception {
    var platform = create(progress);
    platform.boot(config);
    return platform;
  }

  /**
   * A platform with nothing started yet, so that a Ctrl-C handler can hold it (and {@link #close()}
   * whatever has started) before {@link #boot} begins.
   */
  static LocalPlatform create(Consumer<String> progress) {
    return new LocalPlatform(progress);
  }

  /** Starts every part; if one fails, or the platform is closed meanwhile, stops those started. */
  void boot(LocalConfig config) throws Exception {
    try {
      startParts(config);
    } catch (Exception e) {
      try {
        close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void startParts(LocalConfig config) throws Exception {
    host = config.host();
    progress.accept("starting the Kafka broker (KRaft)");
    kafka =
        push(
            LocalBroker.start(
                config.kafkaDir(), config.host(), config.kafkaPort(), config.controllerPort()));
    progress.accept("starting the schema registry");
    registry = push(SchemaRegistryServer.start(registryConfig(config)));
    // Every service's meters go to one registry: one /prometheus on the management port shows all.
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Serving shared = Serving.shared(meters);
    progress.accept("starting ingest");
    ingest = push(LocalIngest.start(kafka.bootstrapServers(), registryUrl(), shared));
    // Ingest created the users topic; every route of the one server knows its users.
    progress.accept("reading the users");
    Identity identity = push(Identity.start(kafka.adminConfig(), null, AuthSettings.defaults()));
    if (!identity.directory().awaitCaughtUp(USERS_CATCH_UP)) {
      throw new TimeoutException("users topic not read within " + USERS_CATCH_UP);
    }
    try (UserStore users =
        UserStore.start(kafka.adminConfig(), identity.directory(), USERS_CATCH_UP)) {
      LocalUsers.ensure(users, config.tokensDir());
    }
    // custody-stream advertises the shared server's address, so its port is fixed before.
    HttpBinding http =
        new HttpBinding(config.host(), config.httpPort())
            .withManagementPort(config.managementPort())
            .withConcretePort();
    var custodyConfig = CustodyConfig.from(streams(config, CUSTODY, http.port()));
    var anomalyConfig = AnomalyConfig.from(streams(config, ANOMALY, http.port()));
    var logConfig = LocalLog.config(config, kafka.bootstrapServers(), registryUrl(), http.port());
    provision(LocalTopics.of(custodyConfig, anomalyConfig, logConfig));
    progress.accept("starting anomaly-service and custody-stream");
    CustodyNode custody = push(CustodyNode.start(custodyConfig, shared));
    AnomalyNode anomaly = push(AnomalyNode.start(anomalyConfig, shared));
    progress.accept("starting " + LocalLog.SERVICE);
    LogNode log = push(LogNode.start(logConfig, shared));
    progress.accept("starting the HTTP server on port " + http.port());
    List<Object> beans = new ArrayList<>(ingest.httpBeans());
    beans.addAll(custody.httpBeans());
    beans.addAll(anomaly.httpBeans());
    beans.addAll(log.httpBeans());
    beans.add(identity.authenticator());
    beans.addAll(identity.healthChecks());
    beans.add(meters);
    beans.add(new RegistryHealthCheck(registry::readiness));
    server = push(PlatformHttpServer.start(http, beans));
    custody.startStreams();
    anomaly.startStreams();
    log.startStreams();
    progress.accept("waiting for the streams to run");
    awaitRunning(CUSTODY, custody::state);
    awaitRunning(ANOMALY, anomaly::state);
    awaitRunning(LocalLog.SERVICE, log::state);
    // Pushed last, closed first: the services' own close is no death.
    ServiceWatch watch = push(new ServiceWatch());
    watch.stopped("ingest", ingest.stopped());
    watch.streams(CUSTODY, custody::state);
    watch.streams(ANOMALY, anomaly::state);
    watch.stopped(LocalLog.SERVICE, log.stopped());
    death = watch.death();
  }

  /** Waits until the streams process; until then the queries would answer 503. */
  private void awaitRunning(String service, Supplier<KafkaStreams.State> state)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
    while (state.get() != KafkaStreams.State.RUNNING) {
      if (closed) {
        throw new IllegalStateException(STOPPED_WHILE_STARTING);
      }
      if (!state.get().isRunningOrRebalancing() && state.get() != KafkaStreams.State.CREATED) {
        throw new IllegalStateException(service + " streams stopped: " + state.get());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(service + " streams not running within " + RUNNING_TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  private Map<String, String> streams(LocalConfig config, String service, int httpPort) {
    return LocalStreams.flat(config, service, kafka.bootstrapServers(), registryUrl(), httpPort);
  }

  private SchemaRegistryServerConfig registryConfig(LocalConfig config) {
    var defaults = SchemaRegistryServerConfig.defaults(kafka.bootstrapServers());
    return new SchemaRegistryServerConfig(
        kafka.bootstrapServers(),
        config.host(),
        config.registryPort(),
        SCHEMAS_TOPIC,
        defaults.defaultCompatibility());
  }

  private void provision(List<NewTopic> topics) throws Exception {
    streamTopics = topics.stream().map(NewTopic::name).distinct().toList();
    try (Admin admin = Admin.create(kafka.adminConfig())) {
      createdTopics = new TopicProvisioner(admin).ensure(topics);
    }
  }

  /** Keeps a started part to close; one started after a close (Ctrl-C) is closed at once. */
  private synchronized <T extends AutoCloseable> T push(T part) throws Exception {
    if (closed) {
      part.close();
      throw new IllegalStateException(STOPPED_WHILE_STARTING);
    }
    return running.add(part);
  }

  /**
   * Completes with the first service that stopped on its own once the platform runs (ingest's loops
   * ended, a stream service's Kafka Streams left running); never because of {@link #close()}.
   */
  CompletableFuture<ServiceWatch.Death> death() {
    return death;
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The registry's address as users should type it: the configured host, the bound port. */
  public URI registryUrl() {
    return URI.create("http://" + host + ":" + registry.url().getPort());
  }

  /** Where every route answers (console, API, health), with the configured host and bound port. */
  public URI httpUrl() {
    return URI.create("http://" + host + ":" + server.port());
  }

  /** Where {@code /prometheus} answers: the management port, apart from every other route. */
  public URI metricsUrl() {
    URI management = server.managementUrl().orElseThrow();
    return URI.create("http://" + host + ":" + management.getPort() + "/prometheus");
  }

  /** Every topic local mode runs on: ingest's, then the stream services'. */
  public List<String> topicNames() {
    Set<String> names = new LinkedHashSet<>(ingest.topics().names());
    names.addAll(streamTopics);
    return List.copyOf(names);
  }

  /** Stream service topics this start created; empty when the data directory had them all. */
  public List<String> createdTopics() {
    return createdTopics;
  }

  /** Closes every part started so far, newest first; safe to call again and from another thread. */
  @Override
  public synchronized void close() {
    closed = true;
    running.close();
  }
}
