package io.sealtrail.ingest.gateway;

import java.time.Duration;

/**
 * Kafka could not take a submission, or answer it, within the configured bound. Nothing is known
 * about its outcome; retrying the same envelope is safe because duplicates are recognised. The HTTP
 * layer answers 503 with {@link #retryAfter()}.
 */
public final class KafkaUnavailableException extends RuntimeException {
  private final Duration retryAfter;

  public KafkaUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** A reasonable delay before the client tries again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
