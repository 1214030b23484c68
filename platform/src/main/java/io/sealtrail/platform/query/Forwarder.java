package io.sealtrail.platform.query;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a read to the instance that owns its key, with the caller's bearer token and a header that
 * stops the owner from forwarding it again.
 */
public final class Forwarder {
  /** Marks a forwarded request; an instance that does not own its key answers 503, not a hop. */
  public static final String FORWARDED = "X-Sealtrail-Forwarded";

  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 10_000;

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
    URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery);
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
      connection.setReadTimeout(READ_TIMEOUT_MS);
      connection.setRequestProperty(FORWARDED, "1");
      copy(original, HttpHeaders.AUTHORIZATION, connection);
      if (keepAccept) {
        copy(original, HttpHeaders.ACCEPT, connection);
      }
      // Reading the body whole and closing it hands the connection back to the JDK's keep-alive
      // cache: a trace asks the same owner once per device it holds, so no new TCP connection each.
      return read(connection);
    } catch (IOException e) {
      if (connection != null) {
        connection.disconnect();
      }
      throw new StoreUnavailableException("the owner " + owner + " does not answer: " + e, e);
    }
  }

  private static void copy(HttpRequest<?> from, String header, HttpURLConnection to) {
    from.getHeaders().findFirst(header).ifPresent(v -> to.setRequestProperty(header, v));
  }

  private static Answer read(HttpURLConnection connection) throws IOException {
    int status = connection.getResponseCode();
    try (InputStream body =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      return new Answer(
          status,
          connection.getContentType(),
          connection.getHeaderField(HttpHeaders.RETRY_AFTER),
          body == null ? new byte[0] : body.readAllBytes());
    }
  }
}
