package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/**
 * Kafka did not acknowledge a command in time: nothing is known of it; the operator retries (503
 * with Retry-After over HTTP).
 */
public final class CommandNotTakenException extends ServiceUnavailableException {
  public CommandNotTakenException(String message, Throwable cause) {
    super(message, Duration.ofSeconds(5), cause);
  }
}
