package io.sealtrail.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.client.Outcome;
import io.sealtrail.client.SignedEnvelope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@code POST /v1/events}: a batch of envelopes as NDJSON, answered with one {@link
 * Outcome} per envelope in order. No retries here; see {@link Retrying}. Thread-safe.
 */
public final class EventsApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NDJSON = "application/x-ndjson";

  private final URI events;
  private final HttpClient http;
  private final Duration requestTimeout;

  /** Calls {@code baseUrl}'s {@code /v1/events}, each request bounded by {@code requestTimeout}. */
  public EventsApi(URI baseUrl, HttpClient http, Duration requestTimeout) {
    this.events = baseUrl.resolve("/v1/events");
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /**
   * The platform's outcome for each envelope, in order.
   *
   * @throws PlatformUnavailableException no connection, timeout, 5xx or an unreadable answer: send
   *     the same envelopes again
   * @throws RequestRefusedException a 4xx problem for the request as a whole
   * @throws InterruptedIOException the calling thread was interrupted (its flag stays set)
   */
  public List<Outcome> post(List<SignedEnvelope> batch) throws IOException {
    StringBuilder body = new StringBuilder();
    batch.forEach(envelope -> body.append(envelope.json()).append('\n'));
    var request =
        HttpRequest.newBuilder(events)
            .header("Content-Type", NDJSON)
            .header("Accept", "application/json")
            .timeout(requestTimeout)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return outcomes(send(request), batch);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      var interrupted = new InterruptedIOException("interrupted while calling " + events);
      interrupted.initCause(e);
      throw interrupted;
    } catch (IOException e) {
      throw new PlatformUnavailableException(events + " did not answer: " + describe(e), null, e);
    }
  }

  private List<Outcome> outcomes(HttpResponse<String> response, List<SignedEnvelope> batch)
      throws PlatformUnavailableException {
    JsonNode body = readJson(response.body());
    int status = response.statusCode();
    JsonNode results = body == null ? null : body.get("results");
    if (status < 500 && results != null && results.isArray()) {
      if (results.size() != batch.size()) {
        throw new PlatformUnavailableException(
            events + " answered " + results.size() + " results for " + batch.size(), null, null);
      }
      List<Outcome> outcomes = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        outcomes.add(ResultJson.outcome(results.get(i), batch.get(i).eventId()));
      }
      return outcomes;
    }
    String message = problem(response, body);
    if (status >= 500 || (status >= 200 && status < 300)) {
      throw new PlatformUnavailableException(message, RetryAfter.of(response).orElse(null), null);
    }
    throw new RequestRefusedException(
        status, body == null ? "" : body.path("type").asText(), message);
  }

  private String problem(HttpResponse<String> response, JsonNode body) {
    String detail = body == null ? "" : ": " + body.path("detail").asText();
    String retry =
        response
            .headers()
            .firstValue("Retry-After")
            .map(s -> " (retry after " + s + " s)")
            .orElse("");
    return events + " answered " + response.statusCode() + detail + retry;
  }

  private static JsonNode readJson(String text) {
    try {
      return text == null || text.isBlank() ? null : JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message;
  }
}
