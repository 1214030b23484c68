package io.sealtrail.log.evidence;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;

/**
 * A bundle cannot be assembled now: a source service did not answer, or an event is not yet in a
 * signed checkpoint. 503 with Retry-After; the same request later succeeds.
 */
final class EvidenceUnavailableException extends ServiceUnavailableException {
  EvidenceUnavailableException(String kind, String detail, Duration retryAfter, Throwable cause) {
    super(kind, "Evidence not available yet", detail, retryAfter, cause);
  }
}
