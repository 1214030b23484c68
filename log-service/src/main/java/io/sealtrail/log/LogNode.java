package io.sealtrail.log;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.log.read.CheckpointFollower;
import io.sealtrail.log.read.LogReader;
import io.sealtrail.log.read.LogStoreAccess;
import io.sealtrail.log.sequence.LogTopology;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.platform.health.StreamsHealthCheck;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.translog.note.NoteSigner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One running log service: the sequencing streams (exactly once), the follower of the published
 * checkpoints, the reader the routes answer from, and, unless local mode serves {@link
 * #httpBeans()} on its shared server, an HTTP server of its own. Started in that order, closed in
 * reverse. {@link #stopped()} completes when the streams stop for good or the follower dies.
 */
public final class LogNode implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Deque<AutoCloseable> parts;
  private final KafkaStreams streams;
  private final List<Object> httpBeans;
  private final PlatformHttpServer server;
  private final CompletableFuture<Void> stopped;

  private LogNode(
      Deque<AutoCloseable> parts,
      KafkaStreams streams,
      List<Object> httpBeans,
      PlatformHttpServer server,
      CompletableFuture<Void> stopped) {
    this.parts = parts;
    this.streams = streams;
    this.httpBeans = httpBeans;
    this.server = server;
    this.stopped = stopped;
  }

  /** Starts the service with its own HTTP server where {@code config.http()} says. */
  public static LogNode start(LogConfig config) {
    return start(config, true);
  }

  /** Starts the service without a server: serve {@link #httpBeans()} (local mode). */
  public static LogNode startShared(LogConfig config) {
    return start(config, false);
  }

  private static LogNode start(LogConfig config, boolean ownServer) {
    NoteSigner signer = LogKey.load(config.signing().keyFile(), config.signing().origin());
    LogTopics topics = LogTopics.from(config, config.serdeConfig());
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    try {
      KafkaStreams streams =
          new KafkaStreams(
              LogTopology.build(topics, signer, config.signing().checkpointInterval()),
              config.streamsProperties());
      // An unexpected error stops this instance; the sequencing task moves to another.
      streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
      StreamsHealthCheck streamsHealth =
          new StreamsHealthCheck("logStreams", () -> streams.state().name());
      streams.setStateListener(
          (now, before) -> {
            if (streamsHealth.stoppedForGood()) {
              stopped.complete(null);
            }
          });
      parts.push(
          () ->
              streams.close(
                  CloseOptions.groupMembershipOperation(
                          CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                      .withTimeout(CLOSE_TIMEOUT)));
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
      streamsMetrics.bindTo(meters);
      parts.push(streamsMetrics);
      CheckpointFollower follower =
          new CheckpointFollower(topics.checkpoints().name(), clientSettings(config));
      parts.push(follower);
      follower.stopped().whenComplete((done, failure) -> stopped.complete(null));
      LogReader reader =
          new LogReader(
              new LogStoreAccess(streams),
              follower,
              signer.verifierKey(),
              config.signing().checkpointInterval());
      List<Object> beans =
          List.of(
              reader,
              streamsHealth,
              new LoopHealthCheck(CheckpointFollower.NAME, follower.stopped()),
              new ConditionCheck(
                  "logCheckpoint",
                  follower::caughtUp,
                  "still reading the published checkpoints",
                  false));
      streams.start();
      follower.start();
      PlatformHttpServer server = null;
      if (ownServer) {
        List<Object> served = new ArrayList<>(beans);
        served.add(RoleTokens.load(config.http().tokensDir()));
        served.add(meters);
        server = PlatformHttpServer.start(config.httpBinding(), served);
        parts.push(server);
      }
      return new LogNode(parts, streams, beans, server, stopped);
    } catch (RuntimeException e) {
      closeAll(parts, e);
      throw e;
    }
  }

  /** The consumer settings of the follower: the cluster and the client overrides (security). */
  private static Map<String, String> clientSettings(LogConfig config) {
    Map<String, String> settings = new HashMap<>(config.streams().kafkaOverrides());
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.streams().bootstrapServers());
    return settings;
  }

  /**
   * What the log contributes to a shared HTTP server: the reader its routes answer from and its
   * health checks (streams running, follower alive and caught up). The server adds RoleTokens.
   */
  public List<Object> httpBeans() {
    return httpBeans;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Completes when the streams stopped for good or the checkpoint follower ended. */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Where its own HTTP server answers. */
  public URI url() {
    if (server == null) {
      throw new IllegalStateException("the log serves its routes on a shared server");
    }
    return server.url();
  }

  /** Where {@code /prometheus} answers, when it has a server of its own. */
  public Optional<URI> managementUrl() {
    return server == null ? Optional.empty() : server.managementUrl();
  }

  @Override
  public void close() {
    closeAll(parts, null);
  }

  private static void closeAll(Deque<AutoCloseable> parts, RuntimeException failure) {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        if (failure != null) {
          failure.addSuppressed(e);
        }
      }
    }
  }
}
