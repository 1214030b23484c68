package io.sealtrail.anomaly.api;

import static io.sealtrail.anomaly.fixtures.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.anomaly.chart.SpikeCharts;
import io.sealtrail.anomaly.chart.SpikeStoreReader;
import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.common.RejectionReason;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreAccess;
import io.sealtrail.platform.query.StoreReader;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two anomaly instances, each holding the rejection cohorts of one partner: either answers every
 * spike chart, forwarding a cohort's series to its holder and merging the cohort lists.
 */
class SpikeChartForwardingTest {
  private static final String TOKEN = "secops-secret";
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final String COHORTS = "/v1/spikes/rejection/cohorts";
  private static final ObjectMapper JSON = new ObjectMapper();

  // The drivers are only read: built once, each test starts its own servers over them.
  private static AnomalyDriver acme;
  private static AnomalyDriver globex;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();
  private Instance a;
  private Instance b;

  @BeforeAll
  static void burst() {
    acme = burstOf("acme", "key-7", "site-1");
    globex = burstOf("globex", "key-9", "site-2");
  }

  @AfterAll
  static void closeDrivers() {
    acme.close();
    globex.close();
  }

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    Files.writeString(tokens.resolve(Role.SECOPS.fileName()), TOKEN + "\n");
    RoleTokens roles = RoleTokens.load(tokens);
    a = new Instance(acme, roles);
    b = new Instance(globex, roles);
    a.alsoServes(b, "globex", "key-9", "site-2");
    b.alsoServes(a, "acme", "key-7", "site-1");
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void shouldListEveryInstancesCohortsWhenAskedEitherInstance() throws Exception {
    JsonNode viaA = json(get(a.port(), COHORTS, Map.of()));
    JsonNode viaB = json(get(b.port(), COHORTS, Map.of()));

    assertThat(viaA).isEqualTo(viaB);
    assertThat(viaA.get("cohorts").findValuesAsText("value"))
        .containsExactly("key-7", "key-9", "acme", "globex", "site-1", "site-2");
  }

  @Test
  void shouldAnswerTheHoldersSeriesWhenTheCohortLivesOnTheOtherInstance() throws Exception {
    String series = "/v1/spikes/rejection/cohorts/partner/globex/series";

    var forwarded = get(a.port(), series, Map.of());
    var local = get(b.port(), series, Map.of());

    assertThat(forwarded.statusCode()).isEqualTo(200);
    assertThat(json(forwarded)).isEqualTo(json(local));
    assertThat(json(forwarded).get("windows").get(0).get("count").asInt()).isEqualTo(6);
  }

  @Test
  void shouldRelayTheHoldersNotFoundWhenTheCohortWasNeverJudged() {
    a.owners.put(new Cohort("partner", "initech").key(), b.self());

    var response = get(a.port(), "/v1/spikes/rejection/cohorts/partner/initech/series", Map.of());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswerOnlyItsOwnCohortsWhenTheListWasForwarded() throws Exception {
    JsonNode own = json(get(a.port(), COHORTS, Map.of(Forwarder.FORWARDED, "1")));

    assertThat(own.get("cohorts").findValuesAsText("value"))
        .containsExactly("key-7", "acme", "site-1");
  }

  @Test
  void shouldAnswer503NotASecondHopWhenAForwardedSeriesIsNotHeldHere() {
    var response =
        get(
            a.port(),
            "/v1/spikes/rejection/cohorts/partner/globex/series",
            Map.of(Forwarder.FORWARDED, "1"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheOtherInstanceDoesNotAnswer() throws Exception {
    HostInfo gone = new HostInfo("localhost", freePort());
    a.others.add(gone);
    a.owners.put(new Cohort("partner", "globex").key(), gone);

    var list = get(a.port(), COHORTS, Map.of());
    var series = get(a.port(), "/v1/spikes/rejection/cohorts/partner/globex/series", Map.of());

    assertThat(list.statusCode()).isEqualTo(503);
    assertThat(list.headers().firstValue("Retry-After")).isPresent();
    assertThat(series.statusCode()).isEqualTo(503);
    assertThat(series.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void shouldAnswer503WhenAStoreMovesAwayWhileTheListIsRead() {
    a.migrating = true;

    var here = get(a.port(), COHORTS, Map.of());
    var merged = get(b.port(), COHORTS, Map.of());

    assertThat(here.statusCode()).as(here.body()).isEqualTo(503);
    assertThat(here.headers().firstValue("Retry-After")).isPresent();
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(503);
    assertThat(merged.headers().firstValue("Retry-After")).isPresent();
  }

  /** A driver whose rejection windows closed with a burst of 6 for one partner, key and site. */
  private static AnomalyDriver burstOf(String partner, String key, String site) {
    AnomalyDriver driver = new AnomalyDriver(AnomalyRules.defaults());
    for (int i = 0; i < 6; i++) {
      driver.send(
          rejected(
              RejectionReason.BAD_SIGNATURE, partner, key, site, H0.plusSeconds(600 + 60L * i)));
    }
    // Closes the burst's window on stream time; the tick's own window stays open.
    driver.send(
        rejected(RejectionReason.BAD_SIGNATURE, "tick", "key-t", "site-9", H0.plusSeconds(4200)));
    driver.spikesSettle();
    return driver;
  }

  private HttpResponse<String> get(int port, String path, Map<String, String> headers) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** An anomaly HTTP server over one driver's stores, told where the other cohorts live. */
  private final class Instance implements StoreAccess {
    final Map<String, HostInfo> owners = new ConcurrentHashMap<>();
    final Set<HostInfo> others = ConcurrentHashMap.newKeySet();
    // What Kafka Streams does to an open read of a store whose partition is handed over.
    volatile boolean migrating;
    private final AnomalyDriver stores;
    private final PlatformHttpServer server;

    Instance(AnomalyDriver stores, RoleTokens roles) {
      this.stores = stores;
      SpikeCharts charts =
          new SpikeCharts(
              new SpikeStoreReader(new StoreReader(this, new Forwarder())),
              List.of(
                  AnomalyRules.defaults().attestationSpikeKind(),
                  AnomalyRules.defaults().rejectionSpikeKind()));
      this.server =
          PlatformHttpServer.start(new HttpBinding("localhost", 0), List.of(charts, roles));
      open.add(server::close);
    }

    int port() {
      return server.port();
    }

    HostInfo self() {
      return new HostInfo("localhost", port());
    }

    void alsoServes(Instance other, String partner, String key, String site) {
      others.add(other.self());
      owners.put(new Cohort("partner", partner).key(), other.self());
      owners.put(new Cohort("key", key).key(), other.self());
      owners.put(new Cohort("site", site).key(), other.self());
    }

    @Override
    public Optional<HostInfo> remoteOwner(String store, String key) {
      return Optional.ofNullable(owners.get(key));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
      if (migrating) {
        return (ReadOnlyKeyValueStore<String, V>)
            Proxy.newProxyInstance(
                ReadOnlyKeyValueStore.class.getClassLoader(),
                new Class<?>[] {ReadOnlyKeyValueStore.class},
                (proxy, method, args) -> {
                  throw new InvalidStateStoreException(
                      "Cannot get state store " + store + " because the store is not open.");
                });
      }
      return (ReadOnlyKeyValueStore<String, V>) stores.stringStore(store);
    }

    @Override
    public Set<HostInfo> otherHosts(String store) {
      return Set.copyOf(others);
    }
  }
}
