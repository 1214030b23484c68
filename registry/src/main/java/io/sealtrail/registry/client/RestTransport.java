package io.sealtrail.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP exchanges with a registry: Confluent's content type, basic auth, fail-over across the
 * configured URLs on network errors, and Confluent's retry policy for 408/429/5xx answers.
 */
final class RestTransport {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9,"
          + " application/json; q=0.5";
  private static final Set<Integer> RETRIED = Set.of(408, 429, 500, 502, 503, 504);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final AtomicInteger current = new AtomicInteger();

  RestTransport(RegistryClientConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
  }

  /** Sends a request to {@code path} (already encoded, with query) and answers the JSON body. */
  JsonNode send(String method, String path, JsonNode body) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = sendToAnyUrl(method, path, body);
      int status = response.statusCode();
      if (status / 100 == 2) {
        return parse(response.body());
      }
      if (!RETRIED.contains(status) || attempt >= config.maxRetries()) {
        throw RestErrors.fromResponse(status, response.body());
      }
      pause(attempt);
    }
  }

  private HttpResponse<String> sendToAnyUrl(String method, String path, JsonNode body) {
    IOException last = null;
    int start = current.get();
    for (int i = 0; i < config.urls().size(); i++) {
      int index = (start + i) % config.urls().size();
      try {
        HttpResponse<String> response =
            http.send(request(index, method, path, body), HttpResponse.BodyHandlers.ofString());
        current.set(index);
        return response;
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(
            SchemaRegistryException.NO_RESPONSE,
            0,
            "Interrupted while calling the schema registry",
            e);
      }
    }
    throw new SchemaRegistryException(
        SchemaRegistryException.NO_RESPONSE,
        0,
        "No schema registry reachable at " + config.urls() + ": " + last,
        last);
  }

  private HttpRequest request(int index, String method, String path, JsonNode body) {
    String base = config.urls().get(index).toString().replaceAll("/+$", "");
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(config.readTimeout())
            .header("Content-Type", CONTENT_TYPE)
            .header("Accept", ACCEPT)
            .method(method, publisher);
    config.authorization().ifPresent(auth -> builder.header("Authorization", auth));
    return builder.build();
  }

  private void pause(int attempt) {
    long ceiling =
        Math.min(
            config.retryMaxWait().toMillis(),
            config.retryWait().toMillis() << Math.min(attempt, 20));
    try {
      // Full jitter, as Confluent's client does, so that clients do not retry in lockstep.
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          SchemaRegistryException.NO_RESPONSE, 0, "Interrupted while waiting to retry", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new SchemaRegistryException(
          SchemaRegistryException.NO_RESPONSE, 50005, "Unparseable registry answer: " + body, e);
    }
  }
}
