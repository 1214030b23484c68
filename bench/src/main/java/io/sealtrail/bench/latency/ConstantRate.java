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
    return offer(count, (double) perSecond, send);
  }

  /**
   * The same at a fractional rate (e.g. 18.4 batched requests/s, where rounding to whole requests
   * would be several per cent off).
   */
  public static long[] offer(int count, double perSecond, IntConsumer send) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + perSecond);
    }
    double period = 1e9 / perSecond;
    long start = System.nanoTime();
    long[] intended = new long[count];
    for (int i = 0; i < count; i++) {
      intended[i] = start + Math.round(i * period);
      long wait;
      while ((wait = intended[i] - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      send.accept(i);
    }
    return intended;
  }
}
