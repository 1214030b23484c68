package io.sealtrail.registry.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP server answering scripted responses and recording what clients sent. */
final class StubRegistry implements AutoCloseable {
  record Request(String method, String rawPath, Headers headers, String body) {}

  private record Response(int status, String body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Response> script = new ArrayDeque<>();
  private final HttpServer server;

  StubRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(),
                    body));
            Response response = next();
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    server.start();
  }

  StubRegistry answer(int status, String body) {
    synchronized (script) {
      script.add(new Response(status, body));
    }
    return this;
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private Response next() {
    synchronized (script) {
      return script.isEmpty()
          ? new Response(500, "{\"error_code\":50001,\"message\":\"unscripted\"}")
          : script.poll();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
