package io.sealtrail.client.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The platform could not answer: no connection, a timeout, 503 or another 5xx. Nothing is known
 * about the outcome, so the same envelopes may be sent again; the platform recognises duplicates.
 */
public final class PlatformUnavailableException extends IOException {
  private final Duration retryAfter;

  public PlatformUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
