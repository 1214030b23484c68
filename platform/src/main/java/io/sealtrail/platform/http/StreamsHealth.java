package io.sealtrail.platform.http;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a Kafka Streams service is doing, as one bean: its presence in a Micronaut context switches
 * {@code /health} and {@code /health/readiness} on for that service. It reads the name of the
 * {@code KafkaStreams.State}, so this module needs no Kafka Streams.
 *
 * @param state the current {@code KafkaStreams.State} name, e.g. {@code streams.state().name()}
 */
public record StreamsHealth(Supplier<String> state) {
  // States after which the instance never processes again: an orchestrator restarts it.
  private static final Set<String> STOPPED =
      Set.of("PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR");

  public StreamsHealth {
    Objects.requireNonNull(state, "state");
  }

  /** False once the streams stopped for good. */
  public boolean alive() {
    return !STOPPED.contains(state.get());
  }

  /** True only while {@code RUNNING}: not while starting, restoring or rebalancing. */
  public boolean ready() {
    return "RUNNING".equals(state.get());
  }
}
