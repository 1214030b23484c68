package io.sealtrail.ingest.http;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.Map;

/**
 * A request above a documented limit (body size, batch size, envelope size): answered 413 {@code
 * request-too-large}, with the envelope's {@code index} when one envelope is too large.
 */
public final class RequestTooLargeException extends ProblemException {

  public RequestTooLargeException(String message) {
    this(message, null);
  }

  public RequestTooLargeException(String message, Map<String, Long> position) {
    super(
        Problem.of(
                "request-too-large",
                "Request above a documented limit",
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                message)
            .at(position));
  }
}
