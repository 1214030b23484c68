package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lot traced on the instance owning it, whose devices live on it and on another instance: each
 * device is listed once, with its owner's state, or the trace is 503.
 */
class TraceAcrossInstancesTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String LOCAL_1 = "GWX1-000001";
  static final String LOCAL_2 = "GWX1-000002";
  static final String REMOTE_3 = "GWX1-000003";
  static final String REMOTE_4 = "GWX1-000004";

  private final CustodyDriver here = new CustodyDriver();
  private final CustodyDriver there = new CustodyDriver();
  private final QueryClient client = new QueryClient();
  private FakeStoreAccess tracing;
  private PlatformHttpServer owner;
  private PlatformHttpServer lotOwner;

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    here.send(componentReceived(LOT, "CPU-A53", T0));
    for (String serial : List.of(LOCAL_1, LOCAL_2, REMOTE_3, REMOTE_4)) {
      here.send(assembled(serial, T0.plusSeconds(3600), component("CPU-A53", LOT)));
    }
    // Only the owner of the remote devices saw them flashed: its state is the one to show.
    there.send(released("1.4.0", T0.minus(Duration.ofDays(7))));
    for (String serial : List.of(REMOTE_3, REMOTE_4)) {
      there.send(
          assembled(serial, T0.plusSeconds(3600), component("CPU-A53", LOT)),
          flashed(serial, "1.4.0", T0.plusSeconds(7200)));
    }
    RoleTokens roles = QueryClient.recallTokens(tokens);
    owner = QueryClient.serve(new FakeStoreAccess(there), roles);
    HostInfo remote = new HostInfo("localhost", owner.port());
    tracing = new FakeStoreAccess(here).ownedBy(REMOTE_3, remote).ownedBy(REMOTE_4, remote);
    lotOwner = QueryClient.serve(tracing, roles);
  }

  @AfterEach
  void stop() {
    lotOwner.close();
    owner.close();
    here.close();
    there.close();
  }

  @Test
  void shouldListEveryDeviceOnceWithItsOwnersStateWhenDevicesLiveOnTwoInstances() {
    var response = client.asRecall(lotOwner.port(), "/v1/lots/" + LOT + "/trace");

    assertThat(response.statusCode()).isEqualTo(200);
    List<Map<String, Object>> devices = devicesOf(response.body());
    assertThat(devices)
        .extracting(d -> d.get("serial"))
        .containsExactly(LOCAL_1, LOCAL_2, REMOTE_3, REMOTE_4);
    assertThat(devices)
        .extracting(d -> d.get("firmwareVersion"))
        .containsExactly(null, null, "1.4.0", "1.4.0");
  }

  @Test
  void shouldAnswer503WhenTheStorePartitionOfADeviceOwnedHereLags() {
    tracing.lagging(LOCAL_2);

    var response = client.asRecall(lotOwner.port(), "/v1/lots/" + LOT + "/trace");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(response.body()).contains("problems/store-unavailable");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> devicesOf(String body) {
    try {
      Map<String, Object> trace =
          JsonMapper.createDefault().readValue(body.getBytes(StandardCharsets.UTF_8), Map.class);
      return (List<Map<String, Object>>) trace.get("devices");
    } catch (IOException e) {
      throw new AssertionError("unreadable trace: " + body, e);
    }
  }
}
