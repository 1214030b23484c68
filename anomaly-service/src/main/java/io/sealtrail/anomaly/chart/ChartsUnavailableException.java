package io.sealtrail.anomaly.chart;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/** A spike store is starting, restoring or migrating: 503 store-unavailable, retry shortly. */
public final class ChartsUnavailableException extends ServiceUnavailableException {
  public ChartsUnavailableException(String store, Throwable cause) {
    super(
        "store-unavailable",
        "State temporarily unavailable",
        "store " + store + " is not ready yet (starting or rebalancing); retry shortly",
        Duration.ofSeconds(2),
        cause);
  }
}
