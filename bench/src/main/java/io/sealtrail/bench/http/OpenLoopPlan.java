package io.sealtrail.bench.http;

import java.time.Duration;

/**
 * An open-loop run of batched requests at half a batched rate measured just before (issue #20's
 * "p99 at half that rate"): half the rate keeps the server below saturation, so the p99 is the
 * latency a client sees at a sustainable load rather than the queue of an overloaded server.
 *
 * @param requestsPerSecond the constant rate the requests are offered at (fractional: a few batched
 *     requests a second, where rounding would be far off)
 * @param requests how many are offered: enough to fill the duration, at least {@link #MIN_REQUESTS}
 *     so a p99 has some samples under it
 */
public record OpenLoopPlan(double requestsPerSecond, int requests) {
  public static final int MIN_REQUESTS = 10;

  public OpenLoopPlan {
    if (!(requestsPerSecond > 0) || requests < 1) {
      throw new IllegalArgumentException(
          "an open loop needs a positive rate and requests: "
              + requestsPerSecond
              + ", "
              + requests);
    }
  }

  /**
   * Half of {@code eventsPerSecond} measured with {@code eventsPerRequest} events a request, in
   * requests per second, for {@code duration}.
   */
  public static OpenLoopPlan halfOf(
      double eventsPerSecond, int eventsPerRequest, Duration duration) {
    if (!(eventsPerSecond > 0) || eventsPerRequest < 1) {
      throw new IllegalArgumentException(
          "no rate to halve: " + eventsPerSecond + " events/s, " + eventsPerRequest + "/request");
    }
    double perSecond = eventsPerSecond / eventsPerRequest / 2;
    long filling = Math.round(perSecond * duration.toNanos() / 1e9);
    return new OpenLoopPlan(perSecond, (int) Math.max(MIN_REQUESTS, filling));
  }

  /** The offered rate in events per second. */
  public double eventsPerSecond(int eventsPerRequest) {
    return requestsPerSecond * eventsPerRequest;
  }
}
