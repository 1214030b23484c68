package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.platform.query.Forwarder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two query servers: one asks the other, which owns the key, exactly once. */
class ForwardingTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private final CustodyDriver empty = new CustodyDriver();
  private final CustodyDriver full = new CustodyDriver();
  private final QueryClient client = new QueryClient();
  private FakeStoreAccess asking;
  private PlatformHttpServer owner;
  private PlatformHttpServer other;

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    full.send(
        componentReceived(LOT, "CPU-A53", T0),
        assembled(DEVICE, T0.plusSeconds(3600), component("CPU-A53", LOT)));
    RoleTokens roles = QueryClient.recallTokens(tokens);
    owner = QueryClient.serve(new FakeStoreAccess(full), roles);
    asking = new FakeStoreAccess(empty).ownedBy(DEVICE, new HostInfo("localhost", owner.port()));
    other = QueryClient.serve(asking, roles);
  }

  @AfterEach
  void stop() {
    other.close();
    owner.close();
    empty.close();
    full.close();
  }

  @Test
  void shouldAnswerFromOwnerWhenKeyLivesOnAnotherInstance() {
    var response = client.asRecall(other.port(), "/v1/serials/" + DEVICE + "/history");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"chainHash\":\"" + full.state(DEVICE).getChainHash());
  }

  @Test
  void shouldAnswer503InsteadOfForwardingAgainWhenRequestWasForwarded() {
    var response = client.asRecall(other.port(), "/v1/serials/" + DEVICE, Forwarder.FORWARDED, "1");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void shouldAskEachDeviceOwnerWhenTracingALotOwnedHere(@TempDir Path tokens) throws IOException {
    var lotHere =
        new FakeStoreAccess(full).ownedBy(DEVICE, new HostInfo("localhost", owner.port()));
    try (var tracing = QueryClient.serve(lotHere, QueryClient.recallTokens(tokens))) {
      var response = client.asRecall(tracing.port(), "/v1/lots/" + LOT + "/trace");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"serial\":\"" + DEVICE + "\"")
          .contains("\"status\":\"" + full.state(DEVICE).getStatus() + "\"");
    }
  }

  @Test
  void shouldRelayOwnersNotFoundWhenOwnerNeverSawTheSerial() {
    asking.ownedBy("NOPE-1", new HostInfo("localhost", owner.port()));

    var response = client.asRecall(other.port(), "/v1/serials/NOPE-1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
