package io.sealtrail.ingest.http;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.sealtrail.ingest.admin.InvalidRequestException;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem, so a client never sees a stack trace: the expected
 * ones with their stable type, anything else as a 500 whose id is logged with the cause.
 */
@Controller
final class ProblemHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

  @Error(global = true, exception = UnreadableBodyException.class)
  HttpResponse<Problem> unreadable(UnreadableBodyException e) {
    return Problem.of(
            "unreadable-body",
            "Request body cannot be read",
            HttpStatus.BAD_REQUEST,
            e.getMessage())
        .at(Map.of("line", e.line(), "column", e.column(), "byteOffset", e.byteOffset()))
        .response();
  }

  @Error(global = true, exception = RequestTooLargeException.class)
  HttpResponse<Problem> tooLarge(RequestTooLargeException e) {
    return tooLarge(e.getMessage()).at(e.position()).response();
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  HttpResponse<Problem> contentLength(ContentLengthExceededException e) {
    return tooLarge(e.getMessage()).response();
  }

  @Error(global = true, exception = ServiceUnavailableException.class)
  HttpResponse<Problem> unavailable(ServiceUnavailableException e) {
    return unavailable(e.getMessage(), e.retryAfter());
  }

  @Error(global = true, exception = UnsatisfiedRouteException.class)
  HttpResponse<Problem> unsatisfied(UnsatisfiedRouteException e) {
    return Problem.of("bad-request", "Request incomplete", HttpStatus.BAD_REQUEST, e.getMessage())
        .response();
  }

  @Error(global = true, exception = InvalidRequestException.class)
  HttpResponse<Problem> invalid(InvalidRequestException e) {
    return Problem.of(
            "invalid-request", "Request not valid", HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage())
        .field(e.field())
        .response();
  }

  @Error(global = true, exception = ConversionErrorException.class)
  HttpResponse<Problem> conversion(ConversionErrorException e) {
    return Problem.of(
            "bad-request", "Request body cannot be read", HttpStatus.BAD_REQUEST, e.getMessage())
        .field("/" + e.getArgument().getName())
        .response();
  }

  @Error(global = true, exception = CodecException.class)
  HttpResponse<Problem> codec(CodecException e) {
    return Problem.of(
            "bad-request", "Request body cannot be read", HttpStatus.BAD_REQUEST, e.getMessage())
        .response();
  }

  @Error(global = true, exception = HttpStatusException.class)
  HttpResponse<Problem> status(HttpStatusException e) {
    HttpStatus status = e.getStatus();
    return new Problem(
            "about:blank", status.getReason(), status.getCode(), e.getMessage(), null, null)
        .response();
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<Problem> notFound(HttpRequest<?> request) {
    return Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, request.getPath())
        .response();
  }

  @Error(global = true, exception = Throwable.class)
  HttpResponse<Problem> unexpected(HttpRequest<?> request, Throwable e) {
    Throwable cause = unwrap(e);
    if (cause instanceof KafkaUnavailableException k) {
      return unavailable("Kafka is not reachable: " + k.getMessage(), k.retryAfter());
    }
    if (cause instanceof ServiceUnavailableException s) {
      return unavailable(s);
    }
    String id = UUID.randomUUID().toString();
    LOG.error("problem {} on {} {}", id, request.getMethod(), request.getPath(), cause);
    return Problem.of(
            "internal-error",
            "Internal error",
            HttpStatus.INTERNAL_SERVER_ERROR,
            "unexpected failure; quote problem id " + id + " to the operators")
        .response();
  }

  private static Problem tooLarge(String detail) {
    return Problem.of(
        "request-too-large",
        "Request above a documented limit",
        HttpStatus.REQUEST_ENTITY_TOO_LARGE,
        detail);
  }

  private static HttpResponse<Problem> unavailable(String detail, Duration retryAfter) {
    long seconds = Math.max(1, retryAfter.toSeconds());
    return Problem.of(
            "service-unavailable",
            "Service temporarily unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            detail)
        .response()
        .header("Retry-After", Long.toString(seconds));
  }

  private static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
