package io.sealtrail.cli.local;

import io.sealtrail.platform.health.Health;
import io.sealtrail.platform.health.HealthCheck;
import io.sealtrail.registry.core.LogState;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded schema registry's part in local mode's {@code /health} and {@code
 * /health/readiness}: down, with the reason, once the loop reading its {@code _schemas} topic
 * stopped (its state then no longer changes and every registration fails). That loop never comes
 * back, so it decides liveness too.
 */
final class RegistryHealthCheck implements HealthCheck {
  private final Supplier<LogState> readiness;

  RegistryHealthCheck(Supplier<LogState> readiness) {
    this.readiness = readiness;
  }

  @Override
  public String name() {
    return "schemaRegistry";
  }

  @Override
  public Health check() {
    return readiness.get().stoppedBecause().map(Health::down).orElse(Health.UP);
  }

  @Override
  public Optional<Health> liveness() {
    return Optional.of(check());
  }
}
