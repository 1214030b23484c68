package io.sealtrail.anomaly.chart;

/** A spike store is starting, restoring or migrating: the charts answer again shortly. */
public final class ChartsUnavailableException extends RuntimeException {
  public ChartsUnavailableException(String store, Throwable cause) {
    super("store " + store + " is not ready yet (starting or rebalancing); retry shortly", cause);
  }
}
