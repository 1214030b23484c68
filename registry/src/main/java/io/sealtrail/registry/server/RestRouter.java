package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches HTTP exchanges to routes and writes answers and errors in Confluent's JSON shapes;
 * unexpected failures are logged here and answered without internals (no stack traces).
 */
final class RestRouter implements HttpHandler {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Route> routes;

  RestRouter(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Object answer;
      int status = 200;
      try {
        answer = dispatch(exchange);
      } catch (SchemaRegistryException e) {
        status = e.status();
        answer = error(e.errorCode(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.error(
            "Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        status = 500;
        answer = error(50001, "Internal error of the schema registry; see its log");
      }
      respond(exchange, status, answer);
    }
  }

  private Object dispatch(HttpExchange exchange) throws IOException {
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<List<String>> params = route.match(segments);
      if (params.isPresent() && route.method().equals(exchange.getRequestMethod())) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return route
            .handler()
            .apply(
                new RestRequest(params.get(), query(exchange.getRequestURI().getRawQuery()), body));
      }
      pathKnown |= params.isPresent();
    }
    throw pathKnown
        ? new SchemaRegistryException(405, 405, "HTTP 405 Method Not Allowed")
        : new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
  }

  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] parts = pair.split("=", 2);
        query.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }

  private static void respond(HttpExchange exchange, int status, Object answer) throws IOException {
    byte[] body = JSON.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
