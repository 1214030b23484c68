package io.sealtrail.custody.query;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a read to the instance that owns its key, with the caller's bearer token and a header that
 * stops the owner from forwarding it again.
 */
public final class Forwarder {
  /** Marks a forwarded request; an instance that does not own its key answers 503, not a hop. */
  public static final String FORWARDED = "X-Sealtrail-Forwarded";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A forwarded request's status, media type, Retry-After and body. */
  public record Answer(int status, String contentType, String retryAfter, byte[] body) {}

  /**
   * GET {@code pathAndQuery} from {@code owner} with the token and Accept {@code original} sent.
   */
  public Answer relay(HostInfo owner, String pathAndQuery, HttpRequest<?> original) {
    return get(owner, pathAndQuery, original, true);
  }

  /** GET the JSON at {@code path} from {@code owner} on behalf of {@code original}. */
  public Answer json(HostInfo owner, String path, HttpRequest<?> original) {
    return get(owner, path, original, false);
  }

  private Answer get(
      HostInfo owner, String pathAndQuery, HttpRequest<?> original, boolean keepAccept) {
    var request =
        java.net.http.HttpRequest.newBuilder(
                URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
            .timeout(TIMEOUT)
            .header(FORWARDED, "1")
            .GET();
    original
        .getHeaders()
        .findFirst(HttpHeaders.AUTHORIZATION)
        .ifPresent(v -> request.header(HttpHeaders.AUTHORIZATION, v));
    if (keepAccept) {
      original
          .getHeaders()
          .findFirst(HttpHeaders.ACCEPT)
          .ifPresent(v -> request.header(HttpHeaders.ACCEPT, v));
    }
    try {
      var response =
          client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      var headers = response.headers();
      return new Answer(
          response.statusCode(),
          headers.firstValue(HttpHeaders.CONTENT_TYPE).orElse(null),
          headers.firstValue(HttpHeaders.RETRY_AFTER).orElse(null),
          response.body());
    } catch (IOException e) {
      throw new StoreUnavailableException("the owner " + owner + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while asking " + owner, e);
    }
  }
}
