package io.sealtrail.cli.local;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Watches the services local mode runs and reports the first that stopped on its own: ingest when
 * its node's loops end, a stream service when its Kafka Streams leave running and rebalancing (e.g.
 * {@code ERROR}). Closed before the services, so that their own close is not taken for a death.
 */
final class ServiceWatch implements AutoCloseable {
  /** The services own their KafkaStreams and do not share its state listener: poll the state. */
  private static final Duration POLL = Duration.ofMillis(500);

  /** A service that stopped while local mode ran, and why as far as known here. */
  record Death(String service, String reason) {}

  private final CompletableFuture<Death> death = new CompletableFuture<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            var thread = new Thread(task, "local-service-watch");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closed;

  /** Watches a service whose {@code stopped} completes when it no longer works. */
  void stopped(String service, CompletableFuture<?> stopped) {
    stopped.whenComplete(
        (done, failure) -> died(service, failure == null ? "its loops ended" : cause(failure)));
  }

  /** Watches a stream service's state. */
  void streams(String service, Supplier<KafkaStreams.State> state) {
    timer.scheduleWithFixedDelay(
        () -> {
          KafkaStreams.State now = state.get();
          if (!now.isRunningOrRebalancing()) {
            died(service, "its Kafka Streams are " + now);
          }
        },
        0,
        POLL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Completes with the first service that stopped on its own; never on {@link #close()}. */
  CompletableFuture<Death> death() {
    return death;
  }

  private void died(String service, String reason) {
    if (!closed) {
      death.complete(new Death(service, reason));
    }
  }

  private static String cause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
  }
}
