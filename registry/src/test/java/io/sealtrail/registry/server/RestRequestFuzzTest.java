package io.sealtrail.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the registry's REST surface over real HTTP: any path parameter, query
 * and body a client sends is answered with Confluent's JSON error (4xx, {@code error_code}) or an
 * answer, never a 500. One in-memory registry serves the whole run. Regression corpus:
 * RestRequestFuzzTestInputs/ (each input: path parameters and query as backslash-terminated text,
 * then the body, and a last byte choosing the route).
 */
class RestRequestFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /**
   * The routes that read a body or path parameters; mode changes stay out (READONLY would stick).
   */
  private static final List<String> ROUTES =
      List.of(
          "POST /subjects/{s}/versions",
          "POST /subjects/{s}",
          "POST /compatibility/subjects/{s}/versions/{v}",
          "POST /compatibility/subjects/{s}/versions",
          "PUT /config",
          "PUT /config/{s}",
          "GET /subjects/{s}/versions/{v}",
          "GET /subjects/{s}/versions/{v}/schema",
          "DELETE /subjects/{s}/versions/{v}",
          "GET /schemas/ids/{v}",
          "GET /schemas/guids/{v}",
          "GET /subjects",
          "GET /config/{s}");

  private static SchemaRegistryServer server;

  @BeforeAll
  static void start() {
    server =
        SchemaRegistryServer.serve(
            SchemaRegistryCore.inMemory(CompatibilityLevel.BACKWARD), "localhost", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest
  void shouldAnswerWithoutInternalErrorWhenGivenAnyRequest(FuzzedDataProvider data) {
    String[] route = data.pickValue(ROUTES).split(" ");
    String subject = data.consumeAsciiString(40);
    String version = data.consumeAsciiString(12);
    String query = data.consumeAsciiString(60);
    byte[] body = data.consumeRemainingAsBytes();
    String path =
        route[1].replace("{s}", pathSegment(subject)).replace("{v}", pathSegment(version));
    String target = path + (query.isEmpty() ? "" : "?" + uriText(query));

    Answer answer = send(route[0], target, route[0].equals("GET") ? null : body);

    assertThat(answer.status()).as("%s %s", route[0], target).isLessThan(500);
    if (answer.status() >= 400 && answer.json() != null) {
      assertThat(answer.json().path("error_code").isInt()).as(answer.json().toString()).isTrue();
    }
  }

  private record Answer(int status, JsonNode json) {}

  private static Answer send(String method, String target, byte[] body) {
    // Jazzer's SSRF detector refuses connections unless allowed: this one is the point.
    try (SilentCloseable allowed = BugDetectors.allowNetworkConnections()) {
      HttpURLConnection http = (HttpURLConnection) new URL(server.url() + target).openConnection();
      http.setRequestMethod(method);
      http.setRequestProperty("Content-Type", CONTENT_TYPE);
      if (body != null) {
        http.setDoOutput(true);
        try (OutputStream out = http.getOutputStream()) {
          out.write(body);
        }
      }
      int status = http.getResponseCode();
      InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
      byte[] answer = in == null ? new byte[0] : in.readAllBytes();
      boolean json = CONTENT_TYPE.equals(http.getContentType()) && answer.length > 0;
      return new Answer(status, json ? JSON.readTree(answer) : null);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }

  /** A path segment as a client library encodes it (the fuzzer's text, percent-encoded). */
  private static String pathSegment(String text) {
    return percentEncode(text, "");
  }

  /** The query as sent: raw '%', '&' and '=' stay, so bad escapes reach the server too. */
  private static String uriText(String text) {
    return percentEncode(text, "%&=");
  }

  private static String percentEncode(String text, String keep) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0
          || keep.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
