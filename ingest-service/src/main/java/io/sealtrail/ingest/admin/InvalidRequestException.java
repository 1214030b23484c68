package io.sealtrail.ingest.admin;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;

/** An administrator's request that is well-formed JSON but not valid: 422 naming the field. */
public final class InvalidRequestException extends ProblemException {
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(
        Problem.of("invalid-request", "Request not valid", HttpStatus.UNPROCESSABLE_ENTITY, message)
            .field(field));
    this.field = field;
  }

  /** JSON pointer of the offending field, e.g. {@code /keys/0/publicKey}. */
  public String field() {
    return field;
  }
}
