package io.sealtrail.platform.health;

import java.util.Objects;

/**
 * What one check found: up, or down with a reason an operator can act on.
 *
 * @param reason why it is down; null when up
 */
public record Health(boolean up, String reason) {
  public static final Health UP = new Health(true, null);

  public Health {
    if (!up) {
      Objects.requireNonNull(reason, "a component that is down says why");
    }
  }

  /** Down, because {@code reason}. */
  public static Health down(String reason) {
    return new Health(false, reason);
  }
}
