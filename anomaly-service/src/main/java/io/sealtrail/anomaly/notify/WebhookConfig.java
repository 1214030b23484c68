package io.sealtrail.anomaly.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how alerts are posted; see the README for each {@code sealtrail.anomaly.webhook.*} key.
 *
 * @param everyChange false (default): only an alert's first version; true: every new version
 * @param maxAttempts default 8: with the backoff, about four minutes before a notification is given
 *     up (counted and logged) so one dead receiver cannot hold back every later alert forever
 * @param initialBackoff default 1 s, doubled per attempt up to {@code maxBackoff} (default 1 min)
 */
public record WebhookConfig(
    URI url,
    String secret,
    boolean everyChange,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration timeout) {
  public static final String PREFIX = "sealtrail.anomaly.webhook.";

  public WebhookConfig {
    Objects.requireNonNull(url, "url");
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "secret is required with a webhook url");
    }
    if (maxAttempts < 1
        || initialBackoff.isNegative()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need max-attempts >= 1 and max-backoff >= backoff");
    }
  }

  /** The webhook in {@code flat}, or empty when no {@code url} is set (no notifications). */
  public static Optional<WebhookConfig> from(Map<String, String> flat) {
    String url = flat.get(PREFIX + "url");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new WebhookConfig(
            URI.create(url),
            flat.get(PREFIX + "secret"),
            "every-change".equals(flat.getOrDefault(PREFIX + "send", "new")),
            Integer.parseInt(flat.getOrDefault(PREFIX + "max-attempts", "8")),
            Duration.parse(flat.getOrDefault(PREFIX + "backoff", "PT1S")),
            Duration.parse(flat.getOrDefault(PREFIX + "max-backoff", "PT1M")),
            Duration.parse(flat.getOrDefault(PREFIX + "timeout", "PT10S"))));
  }
}
