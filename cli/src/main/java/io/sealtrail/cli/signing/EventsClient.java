package io.sealtrail.cli.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.http.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts NDJSON envelopes to {@code /v1/events} and returns the results; an answer without results
 * (a problem, e.g. 503) becomes an error naming its status, detail and Retry-After.
 */
public final class EventsClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI events;

  public EventsClient(URI events) {
    this.events = events;
  }

  /** The results of one NDJSON batch; 503 is {@link Unavailable}, other problems fail alike. */
  public JsonNode post(String ndjson) throws IOException {
    var request =
        HttpRequest.newBuilder(events)
            .header("Content-Type", "application/x-ndjson")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(ndjson))
            .build();
    HttpResponse<String> response = HttpCalls.send(request);
    JsonNode body = JSON.readTree(response.body());
    if (body == null || !body.has("results")) {
      if (response.statusCode() == 503) {
        throw new Unavailable(problem(response, body));
      }
      throw new IllegalArgumentException(problem(response, body));
    }
    return body;
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

  /** The service could not take the batch now; the same envelopes may be sent again. */
  public static final class Unavailable extends IllegalArgumentException {
    Unavailable(String message) {
      super(message);
    }
  }
}
