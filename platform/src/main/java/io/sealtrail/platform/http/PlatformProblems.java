package io.sealtrail.platform.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.net.URISyntaxException;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one set of global error handlers of every Sealtrail HTTP server: each failure becomes an RFC
 * 9457 problem, so a client never sees a stack trace. A service's own failures are {@link
 * ProblemException}s that carry their answer; anything unexpected is a 500 whose id is logged with
 * the cause.
 */
@Controller
final class PlatformProblems {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformProblems.class);
  private static final String UNREADABLE = "Request body cannot be read";

  @Error(global = true, exception = ProblemException.class)
  HttpResponse<Problem> known(ProblemException e) {
    return e.response();
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<Problem> noRoute(HttpRequest<?> request) {
    return Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, request.getPath())
        .response();
  }

  // By exception, not by status: a status route is not handed the allowed methods, and a 405
  // must name them in Allow (RFC 9110 section 15.5.6).
  @Error(global = true, exception = NotAllowedException.class)
  HttpResponse<Problem> wrongMethod(HttpRequest<?> request, NotAllowedException e) {
    String allowed = String.join(", ", new TreeSet<>(e.getAllowedMethods()));
    return Problem.of(
            "method-not-allowed",
            "Method not allowed",
            HttpStatus.METHOD_NOT_ALLOWED,
            request.getMethodName()
                + " is not allowed on "
                + request.getPath()
                + "; "
                + allowed
                + " are")
        .response()
        .header(HttpHeaders.ALLOW, allowed);
  }

  @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  HttpResponse<Problem> wrongMediaType(HttpRequest<?> request) {
    String sent = request.getContentType().map(Object::toString).orElse("no Content-Type");
    return Problem.of(
            "unsupported-media-type",
            "Media type not supported",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            sent + " is not accepted by " + request.getMethodName() + " " + request.getPath())
        .response();
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  HttpResponse<Problem> tooLarge(ContentLengthExceededException e) {
    return Problem.of(
            "request-too-large",
            "Request above a documented limit",
            HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            e.getMessage())
        .response();
  }

  @Error(global = true, exception = UnsatisfiedRouteException.class)
  HttpResponse<Problem> incomplete(UnsatisfiedRouteException e) {
    return Problem.of("bad-request", "Request incomplete", HttpStatus.BAD_REQUEST, e.getMessage())
        .response();
  }

  // The three below answer in our words: the framework's messages name its classes and the
  // Java types a body is bound to, which a client neither needs nor should see.
  @Error(global = true, exception = ConversionErrorException.class)
  HttpResponse<Problem> conversion(ConversionErrorException e) {
    String name = e.getArgument().getName();
    return Problem.of(
            "bad-request",
            UNREADABLE,
            HttpStatus.BAD_REQUEST,
            name + " does not have the type this route takes" + where(e))
        .field("/" + name)
        .response();
  }

  @Error(global = true, exception = CodecException.class)
  HttpResponse<Problem> unreadable(CodecException e) {
    return notOfShape(e);
  }

  @Error(global = true, exception = JsonSyntaxException.class)
  HttpResponse<Problem> notJson(JsonSyntaxException e) {
    return notOfShape(e);
  }

  private static HttpResponse<Problem> notOfShape(Exception e) {
    return Problem.of(
            "bad-request",
            UNREADABLE,
            HttpStatus.BAD_REQUEST,
            "the body is not JSON of the shape this route takes" + where(e))
        .response();
  }

  /** Where the JSON parser stopped, when it is the cause: " at line 1, column 7". */
  private static String where(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
        JsonLocation at = json.getLocation();
        return at.getLineNr() < 1
            ? ""
            : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      }
    }
    return "";
  }

  @Error(global = true, exception = HttpStatusException.class)
  HttpResponse<Problem> status(HttpStatusException e) {
    HttpStatus status = e.getStatus();
    return new Problem(
            "about:blank", status.getReason(), status.getCode(), e.getMessage(), null, null)
        .response();
  }

  @Error(global = true, exception = Throwable.class)
  HttpResponse<Problem> unexpected(HttpRequest<?> request, Throwable e) {
    // Asynchronous routes and executors wrap a service's failure: its answer still holds.
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException known) {
        return known.response();
      }
      // Micronaut parses the request target before any route: an illegal one (/a|b, /%zz, a
      // backslash) arrives here as the URI parser's failure. It is the client's, not ours.
      if (cause instanceof URISyntaxException) {
        return Problem.of(
                "bad-request",
                "Request target not valid",
                HttpStatus.BAD_REQUEST,
                "the request path is not a valid URI path: escape reserved characters and use"
                    + " '%' only before two hex digits")
            .response();
      }
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
