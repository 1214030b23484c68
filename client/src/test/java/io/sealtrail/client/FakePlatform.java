package io.sealtrail.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * An HTTP server standing in for {@code POST /v1/events} in unit tests: answers from a script, in
 * order, and records every request body. The real service is exercised by the ITs.
 */
final class FakePlatform implements AutoCloseable {
  /** One scripted answer to the NDJSON lines of a request. */
  record Answer(int status, String retryAfter, Function<List<String>, String> body) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<List<String>> requests = new ArrayList<>();
  private final java.util.Map<String, Answer> recorded = new java.util.HashMap<>();
  private final List<Lookup> lookups = new ArrayList<>();

  /** One question {@code GET /v1/partners/{id}/events/{eventId}}: its path and credential. */
  record Lookup(String path, String authorization) {}

  FakePlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/v1/events", this::handle);
    server.createContext("/v1/partners/", this::lookUp);
    server.start();
  }

  URI url() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  synchronized FakePlatform then(Answer answer) {
    script.add(answer);
    return this;
  }

  /** 503 with {@code Retry-After: seconds}. */
  FakePlatform thenUnavailable(String retryAfter) {
    return then(
        new Answer(
            503,
            retryAfter,
            lines ->
                "{\"type\":\"https://sealtrail.io/problems/service-unavailable\",\"detail\":\"Kafka\"}"));
  }

  /** Every envelope accepted, at offsets 0, 1, ... */
  FakePlatform thenAccepted() {
    return then(new Answer(202, null, FakePlatform::accepted));
  }

  FakePlatform thenRejected(String reason, String field) {
    return then(
        new Answer(
            422,
            null,
            lines ->
                "{\"results\":[{\"index\":0,\"status\":\"rejected\",\"reason\":\""
                    + reason
                    + "\",\"field\":\""
                    + field
                    + "\",\"detail\":\"no\"}]}"));
  }

  /** The platform recorded {@code eventId} at {@code partition}/{@code offset}. */
  synchronized FakePlatform recorded(String eventId, int partition, long offset) {
    recorded.put(
        eventId,
        new Answer(
            200,
            null,
            l ->
                "{\"eventId\":\"%s\",\"recorded\":true,\"partition\":%d,\"offset\":%d}"
                    .formatted(eventId, partition, offset)));
    return this;
  }

  /** The platform never recorded {@code eventId}. */
  synchronized FakePlatform notRecorded(String eventId) {
    recorded.put(eventId, new Answer(200, null, l -> "{\"recorded\":false}"));
    return this;
  }

  /** The question about {@code eventId} is answered 503. */
  synchronized FakePlatform lookupUnavailable(String eventId) {
    recorded.put(eventId, new Answer(503, "1", l -> "{\"detail\":\"Kafka\"}"));
    return this;
  }

  synchronized List<Lookup> lookups() {
    return List.copyOf(lookups);
  }

  /** Answers a question about an event; one nobody scripted is 404, as an older platform. */
  private void lookUp(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String eventId = path.substring(path.lastIndexOf('/') + 1);
    Answer answer;
    synchronized (this) {
      lookups.add(new Lookup(path, exchange.getRequestHeaders().getFirst("Authorization")));
      answer = recorded.getOrDefault(eventId, new Answer(404, null, l -> "{}"));
    }
    reply(exchange, answer, List.of());
  }

  synchronized List<List<String>> requests() {
    return List.copyOf(requests);
  }

  private static String accepted(List<String> lines) {
    StringBuilder results = new StringBuilder("{\"results\":[");
    for (int i = 0; i < lines.size(); i++) {
      results.append(i == 0 ? "" : ",");
      results.append(
          "{\"index\":%d,\"status\":\"accepted\",\"partition\":0,\"offset\":%d}".formatted(i, i));
    }
    return results.append("]}").toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
    Answer answer;
    synchronized (this) {
      requests.add(lines);
      answer = script.isEmpty() ? new Answer(500, null, l -> "{}") : script.poll();
    }
    reply(exchange, answer, lines);
  }

  private static void reply(HttpExchange exchange, Answer answer, List<String> lines)
      throws IOException {
    byte[] out = answer.body().apply(lines).getBytes(StandardCharsets.UTF_8);
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
