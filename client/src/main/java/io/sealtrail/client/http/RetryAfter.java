package io.sealtrail.client.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The {@code Retry-After} of an answer in delay-seconds; an HTTP-date or junk is ignored. */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> of(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(RetryAfter::seconds);
  }

  static Optional<Duration> seconds(String value) {
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
