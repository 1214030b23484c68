package io.sealtrail.custody.query;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;

/** A query parameter out of its range (a format, a depth): answered 400 {@code invalid-query}. */
final class BadQueryException extends ProblemException {
  BadQueryException(String detail) {
    super(Problem.of("invalid-query", "Invalid query parameter", HttpStatus.BAD_REQUEST, detail));
  }
}
