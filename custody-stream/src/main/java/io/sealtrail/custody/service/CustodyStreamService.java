package io.sealtrail.custody.service;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.custody.query.QueryBeans;
import io.sealtrail.custody.topology.CustodyStreamApp;
import io.sealtrail.custody.topology.CustodyStreamConfig;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.health.StreamsHealthCheck;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.platform.query.RestoringStores;
import io.sealtrail.platform.query.StreamsStoreAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One custody-stream instance: the Kafka Streams topology and what its query API contributes to an
 * HTTP server ({@link #httpBeans()}), advertised to the other instances as {@code
 * application.server}. Run alone it serves the queries itself; in local mode a shared server does.
 */
public final class CustodyStreamService implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;
  private final List<Object> httpBeans;
  private final PlatformHttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CustodyStreamService(
      KafkaStreams streams,
      KafkaStreamsMetrics streamsMetrics,
      List<Object> httpBeans,
      PlatformHttpServer server) {
    this.streams = streams;
    this.streamsMetrics = streamsMetrics;
    this.httpBeans = httpBeans;
    this.server = server;
  }

  /**
   * The streams, not started, telling other instances that the HTTP server serving {@link
   * #httpBeans()} answers at {@code advertised}: that server must be there before {@link
   * #startStreams()}, so that no forwarded query finds nobody. The streams' metrics (process rates,
   * lag, commit latency, state stores) go to {@code meters}.
   */
  public static CustodyStreamService create(
      CustodyStreamConfig config, HostInfo advertised, MeterRegistry meters) {
    Properties properties = config.streamsProperties();
    properties.put(
        StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
    KafkaStreams streams = new KafkaStreams(CustodyStreamApp.topology(config), properties);
    // An unexpected error stops this instance; its partitions move to the others.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meters);
    RestoringStores restoring = new RestoringStores();
    streams.setGlobalStateRestoreListener(restoring);
    List<Object> beans =
        new ArrayList<>(QueryBeans.over(new StreamsStoreAccess(streams, advertised, restoring)));
    // Ready only while RUNNING; on a shared server beside the other services' checks.
    beans.add(new StreamsHealthCheck("custodyStreams", () -> streams.state().name()));
    return new CustodyStreamService(streams, streamsMetrics, List.copyOf(beans), null);
  }

  /**
   * Starts the instance alone: its own HTTP server where {@code query} says, serving the queries
   * and health, the streams' metrics at {@code /prometheus} on the management port, then the
   * streams.
   */
  public static CustodyStreamService start(CustodyStreamConfig config, QueryConfig query) {
    // The advertised port must be known before the streams exist: resolve 0 to a free one first.
    HttpBinding binding =
        new HttpBinding(query.bindHost(), query.port())
            .withManagementPort(query.managementPort())
            .withConcretePort();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CustodyStreamService unserved =
        create(config, new HostInfo(query.advertisedHost(), binding.port()), meters);
    List<Object> beans = new ArrayList<>(unserved.httpBeans());
    beans.add(RoleTokens.load(query.tokenDir()));
    beans.add(meters);
    PlatformHttpServer server;
    try {
      server = PlatformHttpServer.start(binding, beans);
    } catch (RuntimeException e) {
      unserved.close();
      throw e;
    }
    var service =
        new CustodyStreamService(
            unserved.streams, unserved.streamsMetrics, unserved.httpBeans, server);
    service.startStreams();
    return service;
  }

  /**
   * What the query API and the streams' health check contribute to an HTTP server; the server adds
   * the role tokens.
   */
  public List<Object> httpBeans() {
    return httpBeans;
  }

  /** Starts processing; on a failure, closes what this instance holds. */
  public void startStreams() {
    try {
      streams.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The port of this instance's own query server; only when started alone. */
  public int httpPort() {
    if (server == null) {
      throw new IllegalStateException("custody-stream's queries are on a shared server");
    }
    return server.port();
  }

  /** Where this instance's {@code /prometheus} answers; only when started alone with one. */
  public java.net.URI managementUrl() {
    if (server == null) {
      throw new IllegalStateException("custody-stream's metrics are on a shared server");
    }
    return server.managementUrl().orElseThrow();
  }

  /** The streams' state, e.g. {@code RUNNING}. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Stops serving, then the streams, which hand their tasks to the other instances. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (server != null) {
      server.close();
    }
    // Leaving the group hands this instance's tasks over now, not after the session timeout;
    // until then its keys would answer 503 on every other instance.
    streamsMetrics.close();
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }
}
