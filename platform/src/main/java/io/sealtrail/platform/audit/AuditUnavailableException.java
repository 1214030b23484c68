package io.sealtrail.platform.audit;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/**
 * The audit log did not take an entry in time: the action's route answers 503 {@code
 * audit-unavailable} with Retry-After, and the client may retry.
 */
public final class AuditUnavailableException extends ServiceUnavailableException {
  public AuditUnavailableException(String detail, Throwable cause) {
    super(
        "audit-unavailable",
        "Audit log temporarily unavailable",
        detail,
        Duration.ofSeconds(5),
        cause);
  }
}
