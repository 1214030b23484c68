package io.sealtrail.custody.admin;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, until this instance's global store shows a change just written, so the caller
 * reads what it wrote and the change applies here before the answer.
 */
public final class Visibility {
  /** How long a write waits for this instance's store to show it before answering anyway. */
  public static final Duration WITHIN = Duration.ofSeconds(5);

  private Visibility() {}

  /** Returns once {@code shown} holds, or after {@link #WITHIN}. */
  public static void await(BooleanSupplier shown) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (shown.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
