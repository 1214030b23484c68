package io.sealtrail.platform.health;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Kafka Streams instance as a health check: ready only while {@code RUNNING} (not while starting,
 * restoring or rebalancing), alive until it stopped for good. It reads the name of the {@code
 * KafkaStreams.State}, so this module needs no Kafka Streams.
 *
 * @param state the current {@code KafkaStreams.State} name, e.g. {@code streams.state().name()}
 */
public record StreamsHealthCheck(String name, Supplier<String> state) implements HealthCheck {
  // States after which the instance never processes again: an orchestrator restarts it.
  private static final Set<String> STOPPED =
      Set.of("PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR");

  public StreamsHealthCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
  }

  @Override
  public Health check() {
    String now = state.get();
    return "RUNNING".equals(now) ? Health.UP : Health.down("streams are " + now + ", not RUNNING");
  }

  @Override
  public Optional<Health> liveness() {
    String now = state.get();
    return Optional.of(
        STOPPED.contains(now) ? Health.down("streams stopped for good: " + now) : Health.UP);
  }

  /** True once the instance will never process again. */
  public boolean stoppedForGood() {
    return STOPPED.contains(state.get());
  }
}
