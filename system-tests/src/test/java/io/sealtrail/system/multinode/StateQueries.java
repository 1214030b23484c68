package io.sealtrail.system.multinode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads custody state over the query API as a recall user does (and spike charts as secops does),
 * waiting (bounded) for an answer, and keeps every other answer seen once every serial is known:
 * then only 503 with Retry-After is allowed while instances move, never 404 or 500.
 */
final class StateQueries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;
  private final List<Integer> unavailable = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean everySerialKnown;

  StateQueries(String token) {
    this.token = token;
  }

  /** From now on, an answer other than 200 is kept for {@link #unavailable()}. */
  void everySerialKnown() {
    everySerialKnown = true;
  }

  /** The state of {@code serial} through {@code instance} once it has folded {@code events}. */
  JsonNode awaitEventCount(ServiceProcess instance, String serial, int events) throws Exception {
    return awaitAnswer(
        instance,
        "/v1/serials/" + serial,
        token,
        state -> state.get("eventCount").asInt() == events,
        serial + " at " + events + " events");
  }

  /**
   * The first 200 answer to {@code GET path} on {@code instance} (as {@code bearer}) that is {@code
   * done}; once every serial is known, every other status is kept for {@link #unavailable()}.
   */
  JsonNode awaitAnswer(
      ServiceProcess instance, String path, String bearer, Predicate<JsonNode> done, String what)
      throws Exception {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      HttpResponse<String> answer = get(instance, path, bearer);
      if (answer.statusCode() == 200) {
        JsonNode json = JSON.readTree(answer.body());
        if (done.test(json)) {
          return json;
        }
      } else if (everySerialKnown) {
        unavailable.add(answer.statusCode());
        if (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
          throw new AssertionError("503 without Retry-After for " + path);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no "
                + what
                + " on "
                + instance.name()
                + "; last: "
                + answer.statusCode()
                + " "
                + answer.body());
      }
      Thread.sleep(200);
    }
  }

  /** Waits until {@code GET path} on {@code instance} answers {@code status}. */
  void awaitStatus(ServiceProcess instance, String path, String bearer, int status)
      throws Exception {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (get(instance, path, bearer).statusCode() != status) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " on " + instance.name() + " never answered " + status);
      }
      Thread.sleep(200);
    }
  }

  /** The status of {@code POST path} with a JSON body. */
  int post(ServiceProcess instance, String path, String body, String bearer) throws Exception {
    var request =
        HttpRequest.newBuilder(url(instance, path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The statuses other than 200 seen since every serial was known. */
  List<Integer> unavailable() {
    return List.copyOf(unavailable);
  }

  private HttpResponse<String> get(ServiceProcess instance, String path, String bearer)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(url(instance, path))
            .header("Authorization", "Bearer " + bearer)
            .timeout(Duration.ofSeconds(20))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(ServiceProcess instance, String path) {
    return URI.create("http://" + instance.host() + ":" + instance.port() + path);
  }
}
