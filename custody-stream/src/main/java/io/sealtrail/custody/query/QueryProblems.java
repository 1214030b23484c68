package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a query into an RFC 9457 problem: 404 for a key never seen, 503 with
 * Retry-After while a store migrates, anything else a 500 whose id is logged with the cause.
 */
@Controller
final class QueryProblems {
  private static final Logger LOG = LoggerFactory.getLogger(QueryProblems.class);

  @Error(global = true, exception = KeyNotFoundException.class)
  HttpResponse<Problem> notFound(KeyNotFoundException e) {
    return Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, e.getMessage())
        .response();
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<Problem> noRoute(HttpRequest<?> request) {
    return Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, request.getPath())
        .response();
  }

  @Error(global = true, exception = StoreUnavailableException.class)
  HttpResponse<Problem> unavailable(StoreUnavailableException e) {
    return Problem.of(
            "store-unavailable",
            "State temporarily unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            e.getMessage())
        .response()
        .header("Retry-After", Long.toString(StoreUnavailableException.RETRY_AFTER.toSeconds()));
  }

  @Error(global = true, exception = Throwable.class)
  HttpResponse<Problem> unexpected(HttpRequest<?> request, Throwable e) {
    if (e.getCause() instanceof StoreUnavailableException s) {
      return unavailable(s);
    }
    String id = UUID.randomUUID().toString();
    LOG.error("problem {} on {} {}", id, request.getMethod(), request.getPath(), e);
    return Problem.of(
            "internal-error",
            "Internal error",
            HttpStatus.INTERNAL_SERVER_ERROR,
            "unexpected failure; quote problem id " + id + " to the operators")
        .response();
  }
}
