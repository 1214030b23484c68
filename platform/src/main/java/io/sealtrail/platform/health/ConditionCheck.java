package io.sealtrail.platform.health;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A check that is one condition, e.g. "the partner directory is fresh".
 *
 * @param whyNot the reason when the condition does not hold
 * @param alsoLiveness whether the condition decides liveness too (a loop that ended)
 */
public record ConditionCheck(
    String name, BooleanSupplier holds, String whyNot, boolean alsoLiveness)
    implements HealthCheck {
  public ConditionCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holds, "holds");
    Objects.requireNonNull(whyNot, "whyNot");
  }

  @Override
  public Health check() {
    return holds.getAsBoolean() ? Health.UP : Health.down(whyNot);
  }

  @Override
  public Optional<Health> liveness() {
    return alsoLiveness ? Optional.of(check()) : Optional.empty();
  }
}
