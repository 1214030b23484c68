package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.http.HttpCalls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs from the read API with a bearer token; any answer but 200 becomes a {@link QueryFailure}
 * that says what to do about it (401, 403, 404, 503 each their own).
 */
public final class QueryClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI service;
  private final String token;

  public QueryClient(URI service, String token) {
    this.service = service;
    this.token = token;
  }

  public JsonNode json(String path) throws IOException {
    return JSON.readTree(text(path, "application/json"));
  }

  public String text(String path, String accept) throws IOException {
    HttpResponse<String> response = send(request(path, accept).timeout(Duration.ofMinutes(1)));
    if (response.statusCode() != 200) {
      throw failure(
          path,
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Retry-After").orElse(null));
    }
    return response.body();
  }

  /**
   * POSTs {@code body} (JSON) to {@code path}; any 2xx answer is returned as JSON (null when
   * empty), anything else is a {@link QueryFailure} saying what to do about it.
   */
  public JsonNode post(String path, String body) throws IOException {
    return write("POST", path, body);
  }

  /** PUTs {@code body} (JSON) to {@code path}, answered as {@link #post} is. */
  public JsonNode put(String path, String body) throws IOException {
    return write("PUT", path, body);
  }

  private JsonNode write(String method, String path, String body) throws IOException {
    HttpResponse<String> response =
        send(
            request(path, "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofMinutes(1)));
    int status = response.statusCode();
    if (status == 403) {
      throw new QueryFailure(
          "the token's role may not change "
              + path
              + " (403): use "
              + (method.equals("PUT") ? "an admin token" : "a secops or admin token"),
          QueryFailure.REFUSED);
    }
    if (status / 100 != 2) {
      throw failure(
          path, status, response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }
    return response.body().isBlank() ? null : JSON.readTree(response.body());
  }

  /** A JSON string literal of {@code text}. */
  static String quoted(String text) {
    return JSON.getNodeFactory().textNode(text).toString();
  }

  HttpRequest.Builder request(String path, String accept) {
    return HttpRequest.newBuilder(service.resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", accept);
  }

  URI uri(String path) {
    return service.resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HttpCalls.send(request.build());
    } catch (ConnectException e) {
      throw unreachable();
    }
  }

  QueryFailure unreachable() {
    return new QueryFailure(
        "cannot reach " + service + ": is `sealtrail local` running? (or pass --url)",
        QueryFailure.UNAVAILABLE);
  }

  /** The failure for {@code status} answered to {@code path}, with the problem's detail. */
  QueryFailure failure(String path, int status, String body, String retryAfter) {
    String detail = detail(body);
    return switch (status) {
      case 401 ->
          new QueryFailure(
              "the token was refused (401): pass --token or --token-file with a valid token",
              QueryFailure.REFUSED);
      case 403 ->
          new QueryFailure(
              "the token's role may not read " + path + " (403): " + detail, QueryFailure.REFUSED);
      case 400 ->
          new QueryFailure(
              "the request was refused (400): " + detail + field(body), QueryFailure.REFUSED);
      case 404 -> new QueryFailure("not found (404): " + detail, QueryFailure.REFUSED);
      case 422 ->
          new QueryFailure(
              "the document was refused (422): " + detail + field(body), QueryFailure.REFUSED);
      case 409 -> new QueryFailure("not possible now (409): " + detail, QueryFailure.REFUSED);
      case 503 ->
          new QueryFailure(
              "the service cannot answer yet (503): "
                  + detail
                  + (retryAfter == null ? "" : "; retry in " + retryAfter + " s"),
              QueryFailure.UNAVAILABLE);
      default ->
          new QueryFailure(
              path + " answered " + status + ": " + detail,
              status >= 500 ? QueryFailure.UNAVAILABLE : QueryFailure.REFUSED);
    };
  }

  private static String field(String body) {
    try {
      JsonNode field = JSON.readTree(body).path("field");
      return field.isTextual() ? " (field " + field.asText() + ")" : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String detail(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      String detail = problem.path("detail").asText("");
      return detail.isEmpty() ? problem.path("title").asText(body) : detail;
    } catch (IOException | RuntimeException e) {
      return body == null || body.isBlank() ? "no detail" : body.strip();
    }
  }
}
