package io.sealtrail.bench.http;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.latency.ConstantRate;
import io.sealtrail.bench.latency.Latencies;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * HTTP load, closed or open loop. {@link #run}: {@code clients} threads send the given requests one
 * after another until all are sent, each waiting for its answer; latency is per request (service
 * time, the right measure for a closed loop). {@link #offer}: the requests are sent on a constant
 * schedule ({@link ConstantRate}) whether or not earlier ones were answered, and latency runs from
 * each request's scheduled send time (no coordinated omission). Either way any answer outside 2xx
 * fails the run.
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

  /**
   * Sends {@code requests} open loop at {@code perSecond} requests/s, then waits up to {@code
   * timeout} for the last answers. A request still unanswered then counts with the time waited for
   * it (as {@code Latencies} counts a missing record), so a stall raises the tail instead of
   * vanishing from it; the result's seconds run from the first scheduled send to the last answer.
   */
  public Result offer(String label, List<HttpRequest> requests, double perSecond, Duration timeout)
      throws Exception {
    // When each answer came (nanoTime); the schedule is only known once ConstantRate returns it.
    long[] answered = new long[requests.size()];
    List<CompletableFuture<Void>> answers = new ArrayList<>(requests.size());
    long[] intended =
        ConstantRate.offer(
            requests.size(),
            perSecond,
            i ->
                answers.add(
                    client
                        .sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofByteArray())
                        .thenAccept(
                            response -> {
                              answered[i] = System.nanoTime();
                              failUnlessOk(requests.get(i), response);
                            })));
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean[] late = new boolean[requests.size()];
    try {
      for (int i = 0; i < answers.size(); i++) {
        try {
          answers.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          late[i] = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException(label + ": " + e.getCause().getMessage(), e.getCause());
        }
      }
    } finally {
      answers.forEach(answer -> answer.cancel(true));
    }
    long now = System.nanoTime();
    long[] ends = new long[intended.length];
    int unanswered = 0;
    for (int i = 0; i < intended.length; i++) {
      // get() returning means thenAccept ran, so answered[i] was written before it
      // (happens-before).
      ends[i] = late[i] ? now : answered[i];
      unanswered += late[i] ? 1 : 0;
    }
    long last = Arrays.stream(ends).max().orElse(now);
    double seconds = intended.length == 0 ? 0 : (last - intended[0]) / 1e9;
    Progress.say(
        "  %s: %,d requests offered at %.2f/s, %,d unanswered after %s, in %.1f s",
        label, requests.size(), perSecond, unanswered, timeout, seconds);
    return new Result(Latencies.fromIntended(intended, ends), requests.size(), seconds);
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
      failUnlessOk(requests.get(i), response);
    }
    return null;
  }

  private static void failUnlessOk(HttpRequest request, HttpResponse<byte[]> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
