package io.sealtrail.bench.latency;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A constant-rate generator: submission {@code i} is due at {@code start + i / rate}. Latency is
 * measured from that intended time, not from when the send happened, so a stalled system cannot
 * hide its stall by delaying the sends (coordinated omission); when behind, it sends at once.
 */
public final class ConstantRate {
  private ConstantRate() {}

  /** Calls {@code send} for 0 to {@code count - 1} on schedule; returns each intended nanoTime. */
  public static long[] offer(int count, int perSecond, IntConsumer send) {
    long period = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    long[] intended = new long[count];
    for (int i = 0; i < count; i++) {
      intended[i] = start + i * period;
      long wait;
      while ((wait = intended[i] - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      send.accept(i);
    }
    return intended;
  }
}
