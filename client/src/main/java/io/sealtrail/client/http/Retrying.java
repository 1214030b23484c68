package io.sealtrail.client.http;

import io.sealtrail.client.Outcome;
import io.sealtrail.client.SignedEnvelope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a batch, retrying the very same envelopes while the platform is unavailable (connection
 * errors, timeouts, 503 and other 5xx) as {@link RetryPolicy} says. A refusal of the request
 * ({@link RequestRefusedException}) and per-envelope rejections are final and never retried.
 */
public final class Retrying {
  private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);

  /** Waits between attempts; a test passes one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final EventsApi api;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public Retrying(EventsApi api, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
    this.api = api;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** The outcomes of {@code batch}; throws the last unavailability when every attempt failed. */
  public List<Outcome> post(List<SignedEnvelope> batch) throws IOException {
    for (int failed = 0; ; failed++) {
      try {
        return api.post(batch);
      } catch (PlatformUnavailableException e) {
        if (failed + 1 >= policy.maxAttempts()) {
          throw e;
        }
        Duration wait = policy.delay(failed + 1, e.retryAfter().orElse(null), random);
        LOG.info(
            "{}; attempt {} of {} in {} ms",
            e.getMessage(),
            failed + 2,
            policy.maxAttempts(),
            wait.toMillis());
        pause(wait);
      }
    }
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
