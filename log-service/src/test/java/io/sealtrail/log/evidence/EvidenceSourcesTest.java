package io.sealtrail.log.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.platform.http.ServiceUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the sources' answers become a bundle's parts or the caller's problems, over real HTTP. */
class EvidenceSourcesTest {
  private static final EvidenceSources.Credentials CALLER =
      new EvidenceSources.Credentials("Bearer auditor-token", "req-7");

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private EvidenceSources sources;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          seen.add(
              path
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Request-Id"));
          int status =
              path.contains("NEVER")
                  ? 404
                  : path.contains("BUSY") ? 503 : path.contains("DENIED") ? 403 : 200;
          byte[] body = "{\"serial\":\"x\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);
          if (status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "7");
          }
          exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
          if (status == 200) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    sources = new EvidenceSources(base, base, base);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldAskWithTheCallersTokenAndRequestIdAndEncodeThePath() {
    assertThat(sources.history("DEV 1/a", CALLER)).isPresent();

    assertThat(seen).containsExactly("/v1/serials/DEV%201%2Fa/history Bearer auditor-token req-7");
  }

  @Test
  void shouldAnswerNothingForASerialTheSourceNeverSaw() {
    assertThat(sources.history("NEVER", CALLER)).isEmpty();
    assertThat(sources.partner("NEVER", CALLER)).isEmpty();
    assertThat(sources.alerts("NEVER", CALLER).path("alerts").isMissingNode()).isTrue();
  }

  @Test
  void shouldBeUnavailableWithTheSourcesRetryAfterWhenItIsBusy() {
    assertThatThrownBy(() -> sources.trace("BUSY", CALLER))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
              assertThat(e.problem().type()).endsWith("/evidence-source-unavailable");
            });
  }

  @Test
  void shouldForbidWhatTheSourceRefusedTheCaller() {
    assertThatThrownBy(() -> sources.partner("DENIED", CALLER))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(403);
              assertThat(e.problem().detail()).contains("/v1/partners/DENIED");
            });
  }

  @Test
  void shouldBeUnavailableWhenASourceDoesNotAnswer() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    URI nobody = URI.create("http://127.0.0.1:" + closed);
    var unreachable = new EvidenceSources(nobody, nobody, nobody);

    assertThatThrownBy(() -> unreachable.history("DEV-1", CALLER))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("did not answer");
  }
}
