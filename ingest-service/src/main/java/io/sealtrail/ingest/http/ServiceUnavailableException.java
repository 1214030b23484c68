package io.sealtrail.ingest.http;

import java.time.Duration;

/** The service cannot take submissions right now (e.g. a stale partner directory): 503. */
public final class ServiceUnavailableException extends RuntimeException {
  private final Duration retryAfter;

  public ServiceUnavailableException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
