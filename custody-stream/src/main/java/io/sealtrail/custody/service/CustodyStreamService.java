package io.sealtrail.custody.service;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.sealtrail.custody.query.QueryBeans;
import io.sealtrail.custody.query.RestoringStores;
import io.sealtrail.custody.query.StreamsStoreAccess;
import io.sealtrail.custody.topology.CustodyStreamApp;
import io.sealtrail.custody.topology.CustodyStreamConfig;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
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
 * One custody-stream instance: the Kafka Streams topology and the query API in front of its stores,
 * advertised to the other instances as {@code application.server}; closed together.
 */
public final class CustodyStreamService implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private final KafkaStreams streams;
  private final PlatformHttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CustodyStreamService(KafkaStreams streams, PlatformHttpServer server) {
    this.streams = streams;
    this.server = server;
  }

  /** Starts the HTTP server, then the streams; on a failure, closes what it started. */
  public static CustodyStreamService start(CustodyStreamConfig config, QueryConfig query) {
    Properties properties = config.streamsProperties();
    // Other instances learn from it where to forward a query for a key this instance owns.
    properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, query.applicationServer());
    KafkaStreams streams = new KafkaStreams(CustodyStreamApp.topology(config), properties);
    // An unexpected error stops this instance; its partitions move to the others.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    RestoringStores restoring = new RestoringStores();
    streams.setGlobalStateRestoreListener(restoring);
    HostInfo self = new HostInfo(query.advertisedHost(), query.port());
    List<Object> beans =
        new ArrayList<>(QueryBeans.over(new StreamsStoreAccess(streams, self, restoring)));
    beans.add(RoleTokens.load(query.tokenDir()));
    PlatformHttpServer server =
        PlatformHttpServer.start(new HttpBinding(query.bindHost(), query.port()), beans);
    try {
      streams.start();
    } catch (RuntimeException e) {
      server.close();
      streams.close(CLOSE_TIMEOUT);
      throw e;
    }
    return new CustodyStreamService(streams, server);
  }

  /** The port the query API listens on. */
  public int httpPort() {
    return server.port();
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
    server.close();
    // Leaving the group hands this instance's tasks over now, not after the session timeout;
    // until then its keys would answer 503 on every other instance.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }
}
