package io.sealtrail.platform.health;

import io.sealtrail.platform.loop.PollingLoop;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A background loop as a health check, from the future that completes when it ends (e.g. {@link
 * io.sealtrail.platform.loop.PollingLoop#stopped()}): up while it runs; once it ended, down for
 * readiness, with the cause when it died, and down for liveness too when it died, so that the
 * instance is restarted rather than serving on without it.
 */
public record LoopHealthCheck(String name, CompletableFuture<Void> stopped) implements HealthCheck {
  public LoopHealthCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stopped, "stopped");
  }

  @Override
  public Health check() {
    if (!stopped.isDone()) {
      return Health.UP;
    }
    return Health.down(cause().map(c -> "stopped: " + c).orElse("stopped"));
  }

  @Override
  public Optional<Health> liveness() {
    return Optional.of(cause().map(c -> Health.down("stopped: " + c)).orElse(Health.UP));
  }

  /** What the loop died of, e.g. {@code IllegalStateException: poisoned}; empty if it did not. */
  private Optional<String> cause() {
    return PollingLoop.failureOf(stopped)
        .map(
            cause -> {
              if (cause instanceof CancellationException) {
                return "cancelled";
              }
              String message = cause.getMessage();
              return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
            });
  }
}
