package io.sealtrail.platform.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health} (liveness) and {@code GET /health/readiness} on the JDK's HTTP server, for a
 * service that has no HTTP API of its own yet: 200 {@code {"status":"UP"}} or 503 {@code DOWN}.
 * Container health checks and Kubernetes probes call them.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /** Serves on {@code host}:{@code port} (0 for any free port). */
  public static HealthServer start(
      String host, int port, BooleanSupplier alive, BooleanSupplier ready) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/health", exchange -> answer(exchange, alive, ready));
    server.start();
    return new HealthServer(server);
  }

  private static void answer(HttpExchange exchange, BooleanSupplier alive, BooleanSupplier ready)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean readiness = path.equals("/health/readiness");
      if (!readiness && !path.equals("/health")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      boolean up = alive.getAsBoolean() && (!readiness || ready.getAsBoolean());
      byte[] body =
          ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(up ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
