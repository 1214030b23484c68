package io.sealtrail.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.sealtrail.platform.health.StreamsHealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * A stream service's Kafka Streams as its node runs them: a thread that lost its transaction to a
 * broker is replaced in place, any other unexpected error stops the instance (its partitions move
 * to the others; {@link ThreadReplacement}), the streams' metrics go to the node's meters, {@link
 * #stopped()} completes when they stopped on their own, and closing leaves the group at once.
 */
public final class ServiceStreams implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  // States after which the instance never processes again, as StreamsHealthCheck sees them.
  private static final Set<KafkaStreams.State> STOPPED =
      Set.of(
          KafkaStreams.State.PENDING_SHUTDOWN,
          KafkaStreams.State.NOT_RUNNING,
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.ERROR);

  private final String name;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean closing;

  /**
   * The streams of {@code topology}, not started, named {@code name} in health and logs (e.g.
   * {@code custodyStreams}).
   */
  public ServiceStreams(
      String name, Topology topology, Properties properties, MeterRegistry meters) {
    this.name = name;
    this.streams = new KafkaStreams(topology, properties);
    streams.setUncaughtExceptionHandler(new ThreadReplacement(name, Clock.systemUTC()));
    streams.setStateListener(
        (now, before) -> {
          if (STOPPED.contains(now) && !closing) {
            stopped.completeExceptionally(
                new IllegalStateException(name + " stopped on their own: " + now));
          }
        });
    this.metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(meters);
    InputLag.register(streams);
  }

  /** The streams themselves, to query their stores or set a listener before {@link #start()}. */
  public KafkaStreams streams() {
    return streams;
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Ready only while {@code RUNNING}; alive until stopped for good. */
  public StreamsHealthCheck healthCheck() {
    return new StreamsHealthCheck(name, () -> streams.state().name());
  }

  /**
   * Completes, exceptionally, when the streams stopped on their own (an unexpected error shut the
   * client down); never because of {@link #close()}.
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Leaves the group, so that the tasks move now rather than after the session timeout. */
  @Override
  public void close() {
    closing = true;
    metrics.close();
    InputLag.unregister(streams);
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }
}
