package io.sealtrail.custody.query;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail for a query that cannot be answered. The {@code type} URIs are stable;
 * clients branch on them, never on {@code detail}.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail) {
  public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
  private static final String TYPES = "https://sealtrail.io/problems/";

  /** A problem of the given stable kind, e.g. {@code not-found}. */
  public static Problem of(String kind, String title, HttpStatus status, String detail) {
    return new Problem(TYPES + kind, title, status.getCode(), detail);
  }

  /** This problem as a response with its status and media type. */
  public MutableHttpResponse<Problem> response() {
    return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
        .contentType(PROBLEM_JSON)
        .body(this);
  }
}
