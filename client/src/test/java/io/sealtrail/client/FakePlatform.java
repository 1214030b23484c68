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

  FakePlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/v1/events", this::handle);
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
