package io.sealtrail.ingest.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.metrics.IngestMetrics;
import io.sealtrail.ingest.pipeline.OutputSerializers;
import io.sealtrail.ingest.topics.IngestTopics;
import io.sealtrail.ingest.topics.TopicSetup;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * A whole ingest service: topics ensured, the partner directory followed, the ingest node, and what
 * it contributes to an HTTP server ({@link #httpBeans()}). Run alone it serves them itself; in
 * local mode one shared server serves them with every other service's. The directory is built here
 * rather than inside the node so that the HTTP layer can judge its freshness and wait for its own
 * writes.
 */
public final class IngestService implements AutoCloseable {
  private static final Duration DIRECTORY_CATCH_UP = Duration.ofMinutes(1);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Deque<AutoCloseable> parts;
  private final IngestConfig config;
  private final IngestNode node;
  private final IngestBackend backend;
  private final PlatformHttpServer server;

  private IngestService(
      Deque<AutoCloseable> parts,
      IngestConfig config,
      IngestNode node,
      IngestBackend backend,
      PlatformHttpServer server) {
    this.parts = parts;
    this.config = config;
    this.node = node;
    this.backend = backend;
    this.server = server;
  }

  /**
   * Starts the service alone, serving its routes on its own HTTP server where {@code http} says.
   */
  public static IngestService start(
      IngestConfig config,
      Map<String, ?> serdeConfig,
      IngestListener listener,
      RoleTokens tokens,
      HttpBinding http)
      throws Exception {
    IngestService service = start(config, serdeConfig, listener);
    try {
      List<Object> beans = new ArrayList<>(service.httpBeans());
      beans.add(tokens);
      PlatformHttpServer server = PlatformHttpServer.start(http, beans);
      service.parts.push(server);
      return new IngestService(service.parts, config, service.node, service.backend, server);
    } catch (RuntimeException e) {
      closeAll(service.parts, e);
      throw e;
    }
  }

  /**
   * Starts every part but an HTTP server, in dependency order; when one fails, those started are
   * closed again. Serve {@link #httpBeans()} (with the role tokens) to take HTTP submissions.
   */
  public static IngestService start(
      IngestConfig config, Map<String, ?> serdeConfig, IngestListener listener) throws Exception {
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    try {
      try (Admin admin = Admin.create(new ClientSettings(config).admin())) {
        TopicSetup.ensure(admin, config.topics(), config.dedupWindow());
      }
      KafkaPartnerDirectory directory = push(parts, directory(config, serdeConfig));
      var verifier = new SubmissionVerifier(directory, Policy.defaults());
      var serializers = OutputSerializers.avro(serdeConfig);
      var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      var counted = new IngestMetrics(metrics, listener, directory);
      IngestNode node =
          push(parts, IngestNode.start(config, verifier, serializers, counted, Clock.systemUTC()));
      PartnerStore store =
          push(
              parts,
              PartnerStore.start(
                  new ClientSettings(config).admin(),
                  serdeConfig,
                  config.topics().partners(),
                  directory,
                  config.kafkaTimeout()));
      var backend =
          new IngestBackend(
              node.gateway(),
              directory,
              store,
              Clock.systemUTC(),
              node.stopped(),
              metrics,
              push(parts, new KafkaProbe(new ClientSettings(config).admin(), PROBE_TIMEOUT)));
      return new IngestService(parts, config, node, backend, null);
    } catch (Exception e) {
      closeAll(parts, e);
      throw e;
    }
  }

  /**
   * What ingest contributes to an HTTP server: the backend its routes ({@code /v1/events}, {@code
   * /v1/partners}, {@code /health}) are served from, and its meter registry for the platform's
   * {@code /prometheus}. The server adds the role tokens.
   */
  public List<Object> httpBeans() {
    return List.of(backend, backend.metrics());
  }

  private static KafkaPartnerDirectory directory(IngestConfig config, Map<String, ?> serdeConfig)
      throws InterruptedException {
    var client = new ClientSettings(config).admin();
    TopicVisibility.await(client, config.topics().partners(), DIRECTORY_CATCH_UP);
    var serde = new SpecificAvroSerde<>(PartnerRegistration.class);
    serde.configure(serdeConfig, false);
    var directory =
        KafkaPartnerDirectory.start(client, config.topics().partners(), serde.deserializer());
    if (!directory.awaitCaughtUp(DIRECTORY_CATCH_UP)) {
      directory.close();
      throw new KafkaUnavailableException(
          "partner directory not read within " + DIRECTORY_CATCH_UP, Duration.ofSeconds(30), null);
    }
    return directory;
  }

  /** The topics this service reads and writes, the contract's first. */
  public List<String> topicNames() {
    IngestTopics t = config.topics();
    return List.of(
        t.inbound(),
        t.events(),
        t.rejected(),
        t.partners(),
        t.submissions(),
        t.dedup(),
        t.replies());
  }

  /** Where this service's own HTTP server answers; only when started alone with a binding. */
  public URI url() {
    if (server == null) {
      throw new IllegalStateException("ingest serves its routes on a shared server, not its own");
    }
    return server.url();
  }

  /** Where {@code /prometheus} answers, when started alone with a management port. */
  public Optional<URI> managementUrl() {
    return server == null ? Optional.empty() : server.managementUrl();
  }

  /**
   * The registry {@code /prometheus} scrapes. Services sharing this process (local mode) register
   * their meters here too, so that one scrape on the shared port shows them all.
   */
  public PrometheusMeterRegistry meterRegistry() {
    return backend.metrics();
  }

  /** The running node; its {@code stopped()} completes when its loops end: restart the service. */
  public IngestNode node() {
    return node;
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> parts, T part) {
    parts.push(part);
    return part;
  }

  private static void closeAll(Deque<AutoCloseable> parts, Exception failure) {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    Exception failure = new Exception("closing the ingest service failed");
    closeAll(parts, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }
}
