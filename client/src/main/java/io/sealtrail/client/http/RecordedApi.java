package io.sealtrail.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.request.SignedRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One call of {@code GET /v1/partners/{partnerId}/events/{eventId}} under the partner credential (a
 * request signed with the partner's keys, {@link SignedRequest}): whether the platform recorded an
 * event, and where. The outbox asks it before resending an envelope older than the dedup window,
 * which the platform would otherwise take as new. Thread-safe.
 */
public final class RecordedApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final List<? extends Signer> signers;
  private final Clock clock;

  public RecordedApi(
      URI base,
      HttpClient http,
      Duration requestTimeout,
      List<? extends Signer> signers,
      Clock clock) {
    this.base = base;
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.signers = List.copyOf(signers);
    this.clock = clock;
  }

  /** What the platform says about one event. */
  public sealed interface Recorded {
    /** On custody.events at {@code partition}/{@code offset}. */
    record Yes(int partition, long offset) implements Recorded {}

    /** Not recorded: never accepted (or so long ago that the platform refuses it as too old). */
    record No() implements Recorded {}
  }

  /**
   * Whether {@code partnerId}'s event {@code eventId} was recorded.
   *
   * @throws PlatformUnavailableException no connection, timeout, 5xx or an unreadable answer
   * @throws RequestRefusedException a 4xx: the credential was refused (401, 403) or the platform
   *     has no such route (404, an older platform)
   */
  public Recorded recorded(String partnerId, String eventId) throws IOException {
    String path = "/v1/partners/" + segment(partnerId) + "/events/" + segment(eventId);
    URI uri = base.resolve(path);
    // A nonce: a copy of this header is refused, though it could only ask the same question.
    String authorization =
        SignedRequest.authorization(
            new SignedRequest.Claim("GET", path, clock.instant(), UUID.randomUUID().toString()),
            signers);
    var request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .timeout(requestTimeout)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      var interrupted = new InterruptedIOException("interrupted while calling " + uri);
      interrupted.initCause(e);
      throw interrupted;
    } catch (IOException e) {
      throw new PlatformUnavailableException(uri + " did not answer: " + e, null, e);
    }
    JsonNode body = read(response.body());
    int status = response.statusCode();
    if (status == 200 && body != null && body.path("recorded").isBoolean()) {
      return body.get("recorded").asBoolean()
          ? new Recorded.Yes(body.path("partition").asInt(), body.path("offset").asLong())
          : new Recorded.No();
    }
    String message =
        uri + " answered " + status + (body == null ? "" : ": " + body.path("detail").asText());
    if (status >= 400 && status < 500) {
      throw new RequestRefusedException(
          status, body == null ? "" : body.path("type").asText(), message);
    }
    throw new PlatformUnavailableException(message, RetryAfter.of(response).orElse(null), null);
  }

  /** A path segment: unreserved characters as they are, every other UTF-8 byte %-encoded. */
  static String segment(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static JsonNode read(String text) {
    try {
      return text == null || text.isBlank() ? null : JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
