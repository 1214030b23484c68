package io.sealtrail.platform.http;

import io.micronaut.http.HttpStatus;
import java.time.Duration;

/**
 * The service cannot answer now but will soon (Kafka not reachable, a store migrating): 503 with
 * {@code Retry-After}. Nothing is known about the request's outcome; retrying it is the client's
 * move.
 */
public class ServiceUnavailableException extends ProblemException {
  private final Duration retryAfter;

  /** A {@code service-unavailable} problem. */
  public ServiceUnavailableException(String detail, Duration retryAfter, Throwable cause) {
    this("service-unavailable", "Service temporarily unavailable", detail, retryAfter, cause);
  }

  /** A 503 of a more specific stable {@code kind}, e.g. {@code store-unavailable}. */
  protected ServiceUnavailableException(
      String kind, String title, String detail, Duration retryAfter, Throwable cause) {
    super(
        Problem.of(kind, title, HttpStatus.SERVICE_UNAVAILABLE, detail),
        retryAfter(retryAfter),
        cause);
    this.retryAfter = retryAfter;
  }

  /** A reasonable delay before the client tries again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
