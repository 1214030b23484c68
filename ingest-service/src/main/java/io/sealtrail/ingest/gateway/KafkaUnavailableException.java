package io.sealtrail.ingest.gateway;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/**
 * Kafka could not take a submission, or answer it, within the configured bound. Nothing is known
 * about its outcome; retrying the same envelope is safe because duplicates are recognised. Over
 * HTTP it is a 503 {@code service-unavailable} with {@link #retryAfter()}.
 */
public final class KafkaUnavailableException extends ServiceUnavailableException {

  public KafkaUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super("Kafka is not reachable: " + message, retryAfter, cause);
  }
}
