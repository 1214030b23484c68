package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches HTTP exchanges to routes and writes answers and errors in Confluent's JSON shapes;
 * unexpected failures are logged here and answered without internals (no stack traces).
 */
final class RestRouter implements HttpHandler {
  static final String CONTENT_TYPE = ResponseType.V1;

  /** The largest request body read; larger ones answer 42209 (a schema is rarely above 1 MiB). */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The request body types Confluent's resources consume; {@code application/octet-stream} (also
   * what a request without a content type is taken for) is read as JSON too.
   */
  private static final Set<String> BODY_TYPES =
      Set.of(
          CONTENT_TYPE,
          "application/vnd.schemaregistry+json",
          "application/json",
          "application/octet-stream");

  private final List<Route> routes;
  private final int incompatibleErrorCode;

  /**
   * @param incompatibleErrorCode the {@code error_code} of an incompatible schema: 40901 (Confluent
   *     since CP 8.0.4) or 409 (before)
   */
  RestRouter(List<Route> routes, int incompatibleErrorCode) {
    this.routes = List.copyOf(routes);
    this.incompatibleErrorCode = incompatibleErrorCode;
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
        int code =
            e.errorCode() == Errors.INCOMPATIBLE_SCHEMA ? incompatibleErrorCode : e.errorCode();
        answer = error(code, Errors.withoutInternals(e.getMessage()));
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
        if (route.method().equals("POST") || route.method().equals("PUT")) {
          requireJsonBody(exchange);
        }
        byte[] body = body(exchange);
        return route
            .handler()
            .apply(
                new RestRequest(params.get(), query(exchange.getRequestURI().getRawQuery()), body));
      }
      pathKnown |= params.isPresent();
    }
    throw pathKnown
        ? new SchemaRegistryException(405, 405, "HTTP 405 Method Not Allowed")
        : Errors.notFound();
  }

  /** Confluent (Jersey) answers 415 to a body of a type its resources do not consume. */
  private static void requireJsonBody(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || type.isBlank()) {
      return;
    }
    String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!BODY_TYPES.contains(mediaType)) {
      throw new SchemaRegistryException(415, 415, "HTTP 415 Unsupported Media Type");
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw Errors.schemaTooLarge("the request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    return body;
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
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            ResponseType.negotiate(exchange.getRequestHeaders().getFirst("Accept")));
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
