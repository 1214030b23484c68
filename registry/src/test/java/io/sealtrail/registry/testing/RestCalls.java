package io.sealtrail.registry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP calls to a registry, for asserting its REST answers exactly as a client sees them. */
public final class RestCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public RestCalls(URI base) {
    this.base = base;
  }

  /** A status and parsed JSON body. */
  public record Answer(int status, JsonNode body, String contentType) {
    public int errorCode() {
      return body.path("error_code").asInt();
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, "application/vnd.schemaregistry.v1+json");
  }

  public Answer post(String path, String body) {
    return send("POST", path, body, "application/vnd.schemaregistry.v1+json");
  }

  public Answer put(String path, String body) {
    return send("PUT", path, body, "application/vnd.schemaregistry.v1+json");
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, "application/vnd.schemaregistry.v1+json");
  }

  public Answer send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, null);
  }

  /** As {@link #send(String, String, String, String)}, with an {@code Accept} header if given. */
  public Answer send(String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (accept != null) {
      builder.header("Accept", accept);
    }
    HttpRequest request =
        builder
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          JSON.readTree(response.body()),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  /** A RegisterSchemaRequest body for a schema given as JSON text. */
  public static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
