package io.sealtrail.custody.query;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.json.JsonMapper;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A trace asked of the instance that owns its lot or supplier, read as a stream (the platform's
 * {@link Forwarder} reads an answer whole, which a 100,000-device trace must not be): relayed as it
 * arrives, or read line by line as NDJSON rows.
 */
final class Upstream {
  private static final JsonMapper JSON = JsonMapper.createDefault();
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 30_000;

  private Upstream() {}

  /** {@code owner}'s answer to {@code pathAndQuery}, its body relayed as it comes. */
  static HttpResponse<?> relay(HostInfo owner, String pathAndQuery, HttpRequest<?> original) {
    HttpURLConnection connection = open(owner, pathAndQuery, original, true);
    try {
      int status = connection.getResponseCode();
      if (status != 200) {
        byte[] body = readError(connection);
        MutableHttpResponse<byte[]> error =
            HttpResponse.<byte[]>status(HttpStatus.valueOf(status)).body(body);
        copy(connection, HttpHeaders.CONTENT_TYPE, error);
        copy(connection, HttpHeaders.RETRY_AFTER, error);
        return error;
      }
      // Relayed as the owner sends it: the server reads the stream a chunk at a time.
      return HttpResponse.ok(
          new StreamedFile(connection.getInputStream(), MediaType.of(connection.getContentType())));
    } catch (IOException e) {
      connection.disconnect();
      throw unavailable(owner, e);
    }
  }

  /** The rows of the NDJSON trace of {@code lot} from its owner, read as they are iterated. */
  static Iterator<TraceLine> rows(HostInfo owner, String lot, HttpRequest<?> original) {
    return lines(owner, "/v1/lots/" + Paths.segment(lot) + "/trace?format=ndjson", lot, original);
  }

  /** The rows of the NDJSON trace of {@code supplier} from its owner. */
  static Iterator<TraceLine> supplierRows(
      HostInfo owner, String supplier, HttpRequest<?> original) {
    return lines(
        owner,
        "/v1/suppliers/" + Paths.segment(supplier) + "/trace?format=ndjson",
        supplier,
        original);
  }

  private static Iterator<TraceLine> lines(
      HostInfo owner, String path, String lot, HttpRequest<?> original) {
    HttpURLConnection connection = open(owner, path, original, false);
    try {
      int status = connection.getResponseCode();
      if (status != 200) {
        readError(connection);
        throw new StoreUnavailableException(
            "the owner " + owner + " of " + lot + " answered " + status);
      }
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
      return new Iterator<>() {
        private String next = read(lines);

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public TraceLine next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          try {
            return JSON.readValue(next, TraceLine.class);
          } catch (IOException e) {
            throw new UncheckedIOException("unreadable trace row from " + owner, e);
          } finally {
            next = read(lines);
          }
        }
      };
    } catch (IOException e) {
      connection.disconnect();
      throw unavailable(owner, e);
    }
  }

  private static String read(BufferedReader lines) {
    try {
      String line = lines.readLine();
      if (line == null) {
        lines.close();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("the trace from another instance broke off", e);
    }
  }

  private static HttpURLConnection open(
      HostInfo owner, String pathAndQuery, HttpRequest<?> original, boolean keepAccept) {
    URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery);
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
      connection.setReadTimeout(READ_TIMEOUT_MS);
      connection.setRequestProperty(Forwarder.FORWARDED, "1");
      original
          .getHeaders()
          .findFirst(HttpHeaders.AUTHORIZATION)
          .ifPresent(v -> connection.setRequestProperty(HttpHeaders.AUTHORIZATION, v));
      if (keepAccept) {
        original
            .getHeaders()
            .findFirst(HttpHeaders.ACCEPT)
            .ifPresent(v -> connection.setRequestProperty(HttpHeaders.ACCEPT, v));
      }
      return connection;
    } catch (IOException e) {
      throw unavailable(owner, e);
    }
  }

  private static byte[] readError(HttpURLConnection connection) throws IOException {
    try (InputStream body = connection.getErrorStream()) {
      return body == null ? new byte[0] : body.readAllBytes();
    }
  }

  private static void copy(HttpURLConnection from, String header, MutableHttpResponse<?> to) {
    String value = from.getHeaderField(header);
    if (value != null) {
      to.header(header, value);
    }
  }

  private static StoreUnavailableException unavailable(HostInfo owner, IOException e) {
    return new StoreUnavailableException("the owner " + owner + " does not answer: " + e, e);
  }
}
