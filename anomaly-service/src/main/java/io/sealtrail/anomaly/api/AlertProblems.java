package io.sealtrail.anomaly.api;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;

/** The alert API's own failures, each with its stable problem type. */
final class AlertProblems {
  private AlertProblems() {}

  static ProblemException notFound(String what) {
    return new ProblemException(
        Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, what));
  }

  static ProblemException illegalTransition(String alertId, String status, String target) {
    return new ProblemException(
        Problem.of(
            "illegal-transition",
            "Alert cannot move there",
            HttpStatus.CONFLICT,
            "alert " + alertId + " is " + status + "; it cannot become " + target));
  }

  static ProblemException invalidQuery(String parameter, String value, String expected) {
    return new ProblemException(
        Problem.of(
            "invalid-query",
            "Query parameter cannot be read",
            HttpStatus.BAD_REQUEST,
            "parameter " + parameter + "=" + value + ": expected " + expected));
  }
}
