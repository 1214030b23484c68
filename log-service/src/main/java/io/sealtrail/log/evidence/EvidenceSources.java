package io.sealtrail.log.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What the log service asks the other services for a bundle, over their HTTP routes with the
 * caller's own bearer token (so a bundle never shows what its caller could not read): a serial's
 * history and a lot's trace from custody-stream, a partner's registration from ingest, a serial's
 * alerts from anomaly-service. In local mode all three are the one port; deployed, the URLs are
 * configured ({@code sealtrail.evidence.*-url}).
 */
public final class EvidenceSources {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration ANSWER = Duration.ofSeconds(30);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI custody;
  private final URI ingest;
  private final URI anomaly;

  public EvidenceSources(URI custody, URI ingest, URI anomaly) {
    this.custody = custody;
    this.ingest = ingest;
    this.anomaly = anomaly;
  }

  /** A serial's history with its envelopes and chain links; empty when never seen. */
  Optional<JsonNode> history(String serial, Credentials caller) {
    return get(custody, "/v1/serials/" + segment(serial) + "/history", caller);
  }

  /** A lot's trace (its devices); empty when never seen. */
  Optional<JsonNode> trace(String lot, Credentials caller) {
    return get(custody, "/v1/lots/" + segment(lot) + "/trace", caller);
  }

  /** A partner's registration: roles, sites, keys with their validity; empty when unknown. */
  Optional<JsonNode> partner(String partnerId, Credentials caller) {
    return get(ingest, "/v1/partners/" + segment(partnerId), caller);
  }

  /** The alerts about a serial ({@code {serial, alerts:[…]}}). */
  JsonNode alerts(String serial, Credentials caller) {
    return get(anomaly, "/v1/serials/" + segment(serial) + "/alerts", caller)
        .orElseGet(JSON::createObjectNode);
  }

  /** The caller's headers passed on: its bearer token and request id. */
  public record Credentials(String authorization, String requestId) {}

  private Optional<JsonNode> get(URI base, String path, Credentials caller) {
    URI uri = base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(ANSWER).header("Accept", "application/json").GET();
    if (caller.authorization() != null) {
      request.header("Authorization", caller.authorization());
    }
    if (caller.requestId() != null) {
      request.header("X-Request-Id", caller.requestId());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unavailable(uri, "did not answer: " + e.getMessage(), RETRY, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(uri, "interrupted", RETRY, e);
    }
    int status = response.statusCode();
    if (status == 200) {
      try {
        return Optional.of(JSON.readTree(response.body()));
      } catch (IOException e) {
        throw unavailable(uri, "answered unreadable JSON", RETRY, e);
      }
    }
    if (status == 404) {
      return Optional.empty();
    }
    if (status == 401 || status == 403) {
      throw new ProblemException(
          Problem.of(
              "forbidden",
              "Forbidden",
              HttpStatus.FORBIDDEN,
              "the caller may not read "
                  + path
                  + ", which the bundle needs (answered "
                  + status
                  + ")"));
    }
    Duration retry =
        response
            .headers()
            .firstValue("Retry-After")
            .filter(v -> v.matches("[0-9]{1,5}"))
            .map(v -> Duration.ofSeconds(Long.parseLong(v)))
            .orElse(RETRY);
    throw unavailable(uri, "answered " + status, retry, null);
  }

  private static EvidenceUnavailableException unavailable(
      URI uri, String what, Duration retry, Throwable cause) {
    return new EvidenceUnavailableException(
        "evidence-source-unavailable",
        uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + " " + what,
        retry,
        cause);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
