package io.sealtrail.anomaly.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: before attempt {@code n} (from 2), a delay drawn between half
 * and all of {@code initial · 2^(n-2)}, capped at {@code max}, so receivers recovering from an
 * outage are not hit by every sender at the same instant.
 */
record Backoff(Duration initial, Duration max, RandomGenerator random) {
  Duration before(int attempt) {
    long base = initial.toMillis() << Math.min(30, Math.max(0, attempt - 2));
    long capped = Math.min(max.toMillis(), base < 0 ? Long.MAX_VALUE : base);
    long half = capped / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }
}
