package io.sealtrail.custody.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.sealtrail.avro.campaign.CampaignScope;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreAccess;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * An image's devices gathered from every instance holding a part of the firmware inventory: all
 * parts when each answers, a 503 rather than part of them when one does not.
 */
class ImageScopeTest {
  static final String IMAGE = "ab".repeat(32);
  private final HttpRequest<?> asking = HttpRequest.GET("/v1/campaigns");

  @Test
  void shouldGatherEveryInstancesDevicesWhenEachAnswers() throws IOException {
    HttpServer other = instance(200, "{\"imageSha256\":\"" + IMAGE + "\",\"devices\":[\"B-1\"]}");
    try {
      ImageScope scope = scope(new HostInfo("localhost", other.getAddress().getPort()));

      assertThat(scope.serials(IMAGE, asking)).containsExactly("A-1", "B-1");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void shouldAnswerUnavailableRatherThanPartWhenAnInstanceAnswersAnError() throws IOException {
    HttpServer other = instance(503, "{\"title\":\"Service unavailable\"}");
    try {
      ImageScope scope = scope(new HostInfo("localhost", other.getAddress().getPort()));

      assertThatThrownBy(() -> scope.serials(IMAGE, asking))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("answered 503");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void shouldAnswerUnavailableWhenAnInstanceDoesNotAnswerAtAll() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ImageScope scope = scope(new HostInfo("localhost", closed));

    assertThatThrownBy(() -> scope.serials(IMAGE, asking))
        .isInstanceOf(StoreUnavailableException.class);
  }

  private static ImageScope scope(HostInfo other) {
    StoreAccess access =
        new StoreAccess() {
          @Override
          public Optional<HostInfo> remoteOwner(String store, String key) {
            return Optional.empty();
          }

          @Override
          public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
            throw new UnsupportedOperationException("the scopes below read no store");
          }

          @Override
          public Set<HostInfo> otherHosts(String store) {
            return Set.of(other);
          }
        };
    CampaignScopes local =
        new CampaignScopes() {
          @Override
          public List<String> serials(CampaignScope scope, String id, HttpRequest<?> asking) {
            // An image scope asks this instance for its inventory part only (ofImage below).
            throw new UnsupportedOperationException(
                "an image scope never asks for a lot's serials");
          }

          @Override
          public Set<String> ofImage(String imageSha256) {
            return Set.of("A-1");
          }
        };
    return new ImageScope(new StoreReader(access, new Forwarder()), local);
  }

  private static HttpServer instance(int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/v1/campaigns/images/" + IMAGE + "/devices",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }
}
