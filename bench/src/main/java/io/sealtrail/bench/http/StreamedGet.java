package io.sealtrail.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A GET read as a client of a streamed answer reads it: the time to its first byte of body and to
 * its last, and what it held (bytes, lines), the body never kept whole.
 */
public final class StreamedGet {
  private final HttpClient client = HttpClient.newHttpClient();

  /** One GET's times (ms) and size. */
  public record Timing(double firstByteMs, double wholeMs, long bytes, long lines) {}

  /** The median by whole time of {@code times} runs of {@code request} (after one warm-up). */
  public Timing median(HttpRequest request, int times) throws IOException, InterruptedException {
    once(request);
    List<Timing> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.add(once(request));
    }
    runs.sort(Comparator.comparingDouble(Timing::wholeMs));
    return runs.get(runs.size() / 2);
  }

  public Timing once(HttpRequest request) throws IOException, InterruptedException {
    long sent = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    byte[] buffer = new byte[64 * 1024];
    long first = 0;
    long bytes = 0;
    long lines = 0;
    try (InputStream body = response.body()) {
      int n;
      while ((n = body.read(buffer)) >= 0) {
        if (n > 0 && bytes == 0) {
          first = System.nanoTime();
        }
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    long done = System.nanoTime();
    return new Timing((first - sent) / 1e6, (done - sent) / 1e6, bytes, lines);
  }
}
