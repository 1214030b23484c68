package io.sealtrail.client.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a request is retried when the platform is unavailable: exponential
 * backoff from {@code initialDelay}, doubled per attempt up to {@code maxDelay}, with jitter (each
 * wait is drawn from the upper half of its step, so clients that failed together do not return
 * together), and never shorter than the server's {@code Retry-After}.
 *
 * @param maxAttempts attempts per request, the first included; 1 means no retry
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  /** 5 attempts, 200 ms doubling to at most 10 s: about 3 s of trying before the outbox waits. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
  }

  /** The wait before attempt {@code failed + 1}, after {@code failed} failed attempts. */
  public Duration delay(int failed, Duration retryAfter, RandomGenerator random) {
    long step = initialDelay.toMillis();
    for (int i = 1; i < failed && step < maxDelay.toMillis(); i++) {
      step *= 2;
    }
    step = Math.min(step, maxDelay.toMillis());
    long half = step / 2;
    long jittered = half + random.nextLong(step - half + 1);
    Duration wait = Duration.ofMillis(jittered);
    return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
  }
}
