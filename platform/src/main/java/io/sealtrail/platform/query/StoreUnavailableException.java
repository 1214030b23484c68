package io.sealtrail.platform.query;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/**
 * A store cannot answer now (the instance is starting, rebalancing or restoring it): answered 503
 * {@code store-unavailable} with Retry-After, never as "not found".
 */
public final class StoreUnavailableException extends ServiceUnavailableException {
  /** How long a client should wait: a rebalance or a restore usually takes seconds. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  public StoreUnavailableException(String message) {
    this(message, null);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super("store-unavailable", "State temporarily unavailable", message, RETRY_AFTER, cause);
  }
}
