package io.sealtrail.platform.health;

import java.util.Optional;

/**
 * One component's part in {@code /health} and {@code /health/readiness}: every bean of this type in
 * a server's context is asked, so each service contributes its checks with its HTTP beans and a
 * shared server (local mode) reports them all.
 */
public interface HealthCheck {
  /** The component's name in the answer, e.g. {@code kafka} or {@code custodyStreams}. */
  String name();

  /** Whether the component can serve now (readiness). */
  Health check();

  /**
   * Whether the component still works at all (liveness; down means restart the process). Empty for
   * a component that only comes and goes, such as a broker connection.
   */
  default Optional<Health> liveness() {
    return Optional.empty();
  }
}
