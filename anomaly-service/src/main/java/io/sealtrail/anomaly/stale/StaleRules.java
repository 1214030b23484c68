package io.sealtrail.anomaly.stale;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How often a commissioned device must attest, per product with a default, and how often the stale
 * check runs on stream time.
 *
 * @param defaultInterval default 24 h: a fielded device attests at least daily
 * @param perProduct intervals for products that attest on another schedule
 * @param checkEvery default 15 min of stream time: an overdue device is noticed within it
 */
public record StaleRules(
    Duration defaultInterval, Map<String, Duration> perProduct, Duration checkEvery) {
  public static final String PREFIX = "sealtrail.anomaly.stale.";
  private static final String PRODUCT_PREFIX = PREFIX + "interval.";

  public StaleRules {
    perProduct = Map.copyOf(perProduct);
    if (defaultInterval.isNegative() || defaultInterval.isZero() || checkEvery.isZero()) {
      throw new IllegalArgumentException("stale intervals must be positive");
    }
  }

  public static StaleRules defaults() {
    return new StaleRules(Duration.ofHours(24), Map.of(), Duration.ofMinutes(15));
  }

  /**
   * {@code …stale.default-interval}, {@code …stale.check-every}, {@code …stale.interval.<product>}.
   */
  public static StaleRules from(Map<String, String> flat) {
    StaleRules d = defaults();
    Map<String, Duration> perProduct = new HashMap<>();
    flat.forEach(
        (key, value) -> {
          if (key.startsWith(PRODUCT_PREFIX)) {
            perProduct.put(key.substring(PRODUCT_PREFIX.length()), Duration.parse(value));
          }
        });
    return new StaleRules(
        Duration.parse(
            flat.getOrDefault(PREFIX + "default-interval", d.defaultInterval().toString())),
        perProduct,
        Duration.parse(flat.getOrDefault(PREFIX + "check-every", d.checkEvery().toString())));
  }

  public Duration intervalFor(String product) {
    return product == null ? defaultInterval : perProduct.getOrDefault(product, defaultInterval);
  }
}
