package io.sealtrail.bench.http;

import io.sealtrail.bench.Progress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP load: {@code clients} threads send the given requests one after another until
 * all are sent, each waiting for its answer. Latency is per request (service time, the right
 * measure for a closed loop); any answer outside 2xx fails the run.
 */
public final class HttpLoad {
  private volatile byte[] lastBody = new byte[0];
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** The outcome: latencies in microseconds and the wall time of the whole load. */
  public record Result(Histogram micros, int requests, double seconds) {
    public double requestsPerSecond() {
      return requests / seconds;
    }
  }

  public Result run(String label, List<HttpRequest> requests, int clients) throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<Void>> workers =
          java.util.stream.IntStream.range(0, clients)
              .mapToObj(i -> pool.submit(() -> send(requests, next, recorder)))
              .toList();
      for (Future<Void> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Progress.say("  %s: %,d requests in %.1f s", label, requests.size(), seconds);
    return new Result(recorder.getIntervalHistogram(), requests.size(), seconds);
  }

  /** The last answer's body, e.g. to ask a no-op route for as many bytes. */
  public byte[] lastBody() {
    return lastBody;
  }

  private Void send(List<HttpRequest> requests, AtomicInteger next, Recorder recorder)
      throws Exception {
    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
      long sent = System.nanoTime();
      HttpResponse<byte[]> response =
          client.send(requests.get(i), HttpResponse.BodyHandlers.ofByteArray());
      recorder.recordValue((System.nanoTime() - sent) / 1_000);
      lastBody = response.body();
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            requests.get(i).uri()
                + " answered "
                + response.statusCode()
                + ": "
                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return null;
  }
}
