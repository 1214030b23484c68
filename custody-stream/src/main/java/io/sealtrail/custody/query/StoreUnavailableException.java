package io.sealtrail.custody.query;

import java.time.Duration;

/**
 * A store cannot answer now (the instance is starting, rebalancing or restoring it): answered 503
 * with Retry-After, never as "not found".
 */
public final class StoreUnavailableException extends RuntimeException {
  /** How long a client should wait: a rebalance or a restore usually takes seconds. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
