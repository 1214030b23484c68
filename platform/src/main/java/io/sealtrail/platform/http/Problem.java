package io.sealtrail.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * An RFC 9457 problem detail: what went wrong with a request that could not be handled at all. The
 * {@code type} URIs ({@code https://sealtrail.io/problems/<kind>}) are stable; clients branch on
 * them, never on {@code detail}.
 *
 * @param field JSON pointer of the offending field of the request, when one is at fault
 * @param position where in the body the problem is ({@code line}, {@code column}, {@code
 *     byteOffset}) or which envelope ({@code index}), when known
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String field,
    Map<String, Long> position) {
  public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
  public static final String TYPES = "https://sealtrail.io/problems/";

  /** A problem of the given stable kind, e.g. {@code unreadable-body}. */
  public static Problem of(String kind, String title, HttpStatus status, String detail) {
    return new Problem(TYPES + kind, title, status.getCode(), detail, null, null);
  }

  /** This problem with where in the body it is. */
  public Problem at(Map<String, Long> where) {
    return new Problem(type, title, status, detail, field, where);
  }

  /** This problem blaming the field at JSON pointer {@code pointer}. */
  public Problem field(String pointer) {
    return new Problem(type, title, status, detail, pointer, position);
  }

  /** This problem as a response with its status and media type. */
  public MutableHttpResponse<Problem> response() {
    return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
        .contentType(PROBLEM_JSON)
        .body(this);
  }
}
