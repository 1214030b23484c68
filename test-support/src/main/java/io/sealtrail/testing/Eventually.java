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
    T value = latest(probe, until, TIMEOUT);
    if (!until.test(value)) {
      throw new AssertionError(what + " did not happen within " + TIMEOUT + "; last: " + value);
    }
    return value;
  }

  /**
   * The first value of {@code probe} that satisfies {@code until}, or the last one read once {@code
   * within} has passed: for a caller that asserts on it, so a failure shows what differed.
   */
  public static <T> T latest(Supplier<T> probe, Predicate<T> until, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T value = probe.get();
      if (until.test(value) || System.nanoTime() > deadline) {
        return value;
      }
      Thread.sleep(100);
    }
  }
}
