package io.sealtrail.cli.partners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.http.HttpCalls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls one admin route with the bearer token; for the commands, prints the answer: the partner as
 * indented JSON, or the problem's title, detail and field, and returns the exit code.
 */
public final class AdminClient {
  public static final int EXIT_OK = 0;
  public static final int EXIT_REFUSED = 1;
  public static final int EXIT_UNAVAILABLE = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI service;
  private final String token;

  /** A client of the admin API at {@code service} (e.g. {@code http://localhost:8080/}). */
  public AdminClient(URI service, String token) {
    this.service = service;
    this.token = token;
  }

  public AdminClient(AdminOptions options) throws IOException {
    this(options.service.resolve("/"), options.token());
  }

  /** The service's answer to {@code method path} with {@code body} (null: none). */
  public HttpResponse<String> send(String method, String path, JsonNode body) throws IOException {
    var request =
        HttpRequest.newBuilder(service.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(1))
            .method(method, publisher(body))
            .build();
    return HttpCalls.send(request);
  }

  public int call(String method, String path, JsonNode body, PrintWriter out, PrintWriter err)
      throws IOException {
    return print(send(method, path, body), out, err);
  }

  private static HttpRequest.BodyPublisher publisher(JsonNode body) throws IOException {
    return body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
  }

  private static int print(HttpResponse<String> response, PrintWriter out, PrintWriter err)
      throws IOException {
    JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
    int status = response.statusCode();
    if (status < 300) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
      out.flush();
      return EXIT_OK;
    }
    String field =
        body != null && body.hasNonNull("field") ? " (" + body.get("field").asText() + ")" : "";
    String detail =
        body == null ? "" : body.path("title").asText() + ": " + body.path("detail").asText();
    err.println(status + " " + detail + field);
    err.flush();
    return status >= 500 ? EXIT_UNAVAILABLE : EXIT_REFUSED;
  }
}
