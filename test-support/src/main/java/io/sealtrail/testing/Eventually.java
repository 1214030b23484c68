package io.sealtrail.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, with a bound, for something another thread makes true. */
public final class Eventually {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Eventually() {}

  /** The first value of {@code probe} that satisfies {@code until}; fails after 30 seconds. */
  public static <T> T await(Supplier<T> probe, Predicate<T> until, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      T value = probe.get();
      if (until.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + TIMEOUT + "; last: " + value);
      }
      Thread.sleep(100);
    }
  }
}
