package io.sealtrail.system.multinode;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A partner's client for {@code POST /v1/events}: sends a batch to one ingest instance and, when it
 * does not answer or answers 503, sends the same envelopes again to the next, as the contract says
 * a partner may (duplicates are recognised). Keeps every acknowledgement: event id → position.
 */
final class IngestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
  // Above ingest's reply timeout (30 s), so that a slow answer is a 503, not a client timeout.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);

  /** Where custody.events holds an acknowledged event. */
  record Position(int partition, long offset) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Position> acknowledged = new ConcurrentHashMap<>();
  private final List<String> retried = Collections.synchronizedList(new ArrayList<>());

  /** Sends {@code envelopes} as one JSON array to {@code targets[0]}, then the next on failure. */
  void submit(List<String> envelopes, List<URI> targets) throws InterruptedException {
    send(envelopes, targets, 202, this::record);
  }

  /**
   * Sends {@code envelopes}, each of which ingest must reject (recorded on custody.rejected, never
   * acknowledged), as one batch; returns how many were rejected.
   */
  int submitRejected(List<String> envelopes, List<URI> targets) throws InterruptedException {
    List<JsonNode> results = new ArrayList<>();
    send(envelopes, targets, 207, answer -> answer.get("results").forEach(results::add));
    assertThat(results).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("rejected"));
    return results.size();
  }

  private void send(
      List<String> envelopes, List<URI> targets, int taken, Consumer<JsonNode> answered)
      throws InterruptedException {
    String body = "[" + String.join(",", envelopes) + "]";
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    for (int attempt = 0; ; attempt++) {
      URI target = targets.get(attempt % targets.size());
      String failure;
      try {
        HttpResponse<String> response =
            http.send(post(target, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == taken) {
          answered.accept(JSON.readTree(response.body()));
          return;
        }
        if (response.statusCode() != 503) {
          throw new AssertionError(
              target + " answered " + response.statusCode() + ": " + response.body());
        }
        failure = "503";
      } catch (IOException e) {
        failure = e.getClass().getSimpleName();
      }
      retried.add(target + ": " + failure);
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no ingest instance took the batch within " + GIVE_UP_AFTER + ": " + retried);
      }
      Thread.sleep(250);
    }
  }

  private static HttpRequest post(URI target, String body) {
    return HttpRequest.newBuilder(target.resolve("/v1/events"))
        .header("Content-Type", "application/json")
        .timeout(REQUEST_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private void record(JsonNode answer) {
    for (JsonNode result : answer.get("results")) {
      String status = result.get("status").asText();
      if (!status.equals("accepted") && !status.equals("duplicate")) {
        throw new AssertionError("not acknowledged: " + result);
      }
      acknowledged.put(
          result.get("eventId").asText(),
          new Position(result.get("partition").asInt(), result.get("offset").asLong()));
    }
  }

  /** Every acknowledged event id with the position ingest gave for it. */
  Map<String, Position> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  /** The attempts that failed and were sent again, e.g. to the instance that was killed. */
  List<String> retried() {
    return List.copyOf(retried);
  }
}
