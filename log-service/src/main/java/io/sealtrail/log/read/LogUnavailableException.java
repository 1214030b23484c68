package io.sealtrail.log.read;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/** The log cannot answer now (its store restoring or behind its checkpoint, none signed yet). */
public final class LogUnavailableException extends ServiceUnavailableException {
  public LogUnavailableException(String detail, Duration retryAfter, Throwable cause) {
    super("log-unavailable", "Log temporarily unavailable", detail, retryAfter, cause);
  }
}
