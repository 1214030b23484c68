package io.sealtrail.custody.query;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;

/** The serial, lot or product asked for has never been seen: answered 404 {@code not-found}. */
public final class KeyNotFoundException extends ProblemException {
  public KeyNotFoundException(String what, String key) {
    super(
        Problem.of(
            "not-found", "No such resource", HttpStatus.NOT_FOUND, "no " + what + " " + key));
  }
}
