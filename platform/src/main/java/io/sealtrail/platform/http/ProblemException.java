package io.sealtrail.platform.http;

import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A failure that already knows its answer: a {@link Problem} and the headers that go with it (e.g.
 * {@code Retry-After}). Services extend it with one exception per use case; {@link
 * PlatformProblems} answers every one of them the same way, so no service needs its own global
 * error handlers.
 */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;
  private final Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of(), null);
  }

  public ProblemException(Problem problem, Map<String, String> headers, Throwable cause) {
    super(problem.detail(), cause);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  /** The {@code Retry-After} header for {@code delay}: whole seconds, at least one. */
  public static Map<String, String> retryAfter(Duration delay) {
    return Map.of("Retry-After", Long.toString(Math.max(1, delay.toSeconds())));
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The answer to the request that failed this way. */
  public MutableHttpResponse<Problem> response() {
    MutableHttpResponse<Problem> response = problem.response();
    headers.forEach(response::header);
    return response;
  }
}
