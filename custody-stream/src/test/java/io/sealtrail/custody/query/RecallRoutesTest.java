package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.HoldFixture;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recall routes over real HTTP: the lot trace in NDJSON (deep, with customer, hold, last seen),
 * the supplier trace, where-used, the firmware phases, and a trace that streams.
 */
class RecallRoutesTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String MODULE = "MOD-000001";
  static final String GATEWAY = "GWX1-000100";
  static final String MODULE_LOT = "LOT-MOD-1";
  static final String SUPPLIER = "supplier-CPU-A53";

  private final CustodyDriver custody = new CustodyDriver();
  private final FakeStoreAccess access = new FakeStoreAccess(custody);
  private final QueryClient client = new QueryClient();
  private final ObjectMapper json = new ObjectMapper();
  private PlatformHttpServer server;

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    custody.send(
        released("1.4.0", T0.minus(Duration.ofDays(7))),
        componentReceived(LOT, "CPU-A53", T0),
        assembled(MODULE, T0.plusSeconds(600), component("CPU-A53", LOT, "CPU-0001")),
        assembled(GATEWAY, T0.plusSeconds(1200), component("MOD", MODULE_LOT, MODULE)),
        flashed(GATEWAY, "1.4.0", T0.plusSeconds(1800)),
        commissioned(GATEWAY, T0.plusSeconds(3600)));
    server = QueryClient.serve(access, QueryClient.recallTokens(tokens));
  }

  @AfterEach
  void stop() {
    server.close();
    custody.close();
  }

  @Test
  void shouldAnswerOneLinePerDeviceToTheProductWhenNdjsonIsAsked() throws IOException {
    custody.hold(HoldFixture.placed(HoldKind.LOT, LOT, T0.plusSeconds(7200)));

    var response = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace?format=ndjson");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    List<JsonNode> lines = lines(response.body());
    assertThat(lines).extracting(l -> l.get("serial").asText()).containsExactly(MODULE, GATEWAY);
    JsonNode gateway = lines.get(1);
    assertThat(gateway.get("status").asText()).isEqualTo("IN_SERVICE");
    assertThat(gateway.get("customer").asText()).isEqualTo("stadtwerke");
    assertThat(gateway.at("/firmware/version").asText()).isEqualTo("1.4.0");
    assertThat(gateway.at("/firmware/imageSha256").asText()).isEqualTo(imageOf("1.4.0"));
    assertThat(gateway.at("/hold/holdId").asText()).isEqualTo("hold-lot-" + LOT);
    assertThat(gateway.at("/hold/kind").asText()).isEqualTo("LOT");
    assertThat(gateway.get("lastSeenAt").asText()).isEqualTo(T0.plusSeconds(3600).toString());
    assertThat(gateway.get("depth").asInt()).isEqualTo(2);
    assertThat(gateway.get("via")).containsExactly(json.valueToTree(MODULE));
    assertThat(gateway.has("container")).isTrue();
    assertThat(lines.get(0).get("firmware").isNull()).isTrue();
    assertThat(lines.get(0).get("depth").asInt()).isEqualTo(1);
  }

  @Test
  void shouldAnswerTheSameNdjsonWhenItIsAskedInTheAcceptHeader() {
    var byQuery = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace?format=ndjson");
    var byAccept =
        client.asRecall(
            server.port(), "/v1/lots/" + LOT + "/trace", "Accept", "application/x-ndjson");

    assertThat(byAccept.statusCode()).isEqualTo(200);
    assertThat(byAccept.body()).isEqualTo(byQuery.body());
  }

  @Test
  void shouldAnswerTheJsonDocumentWithDeepDevicesWhenNothingElseIsAsked() throws IOException {
    var response = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode trace = json.readTree(response.body());
    assertThat(trace.get("lot").asText()).isEqualTo(LOT);
    assertThat(trace.get("supplier").asText()).isEqualTo(SUPPLIER);
    assertThat(trace.at("/devices/1/serial").asText()).isEqualTo(GATEWAY);
    assertThat(trace.at("/devices/1/firmwareVersion").asText()).isEqualTo("1.4.0");
    assertThat(trace.at("/devices/1/depth").asInt()).isEqualTo(2);
    assertThat(trace.at("/devices/1/customer").asText()).isEqualTo("stadtwerke");
  }

  @Test
  void shouldAnswerEveryDeviceOfEveryLotWhenASupplierIsTraced() throws IOException {
    custody.send(
        componentReceived("LOT-CPU-8", "CPU-A53", T0),
        assembled("GWX1-000200", T0.plusSeconds(600), component("CPU-A53", "LOT-CPU-8")));

    var ndjson =
        client.asRecall(server.port(), "/v1/suppliers/" + SUPPLIER + "/trace?format=ndjson");
    var csv = client.asRecall(server.port(), "/v1/suppliers/" + SUPPLIER + "/trace?format=csv");

    assertThat(ndjson.statusCode()).isEqualTo(200);
    assertThat(lines(ndjson.body()))
        .extracting(l -> l.get("lot").asText() + " " + l.get("serial").asText())
        .containsExactly(LOT + " " + MODULE, LOT + " " + GATEWAY, "LOT-CPU-8 GWX1-000200");
    assertThat(csv.body().split("\r\n")).hasSize(4).startsWith(TraceCsv.HEADER);
  }

  @Test
  void shouldAnswerNotFoundWhenASupplierDeliveredNothing() {
    var response = client.asRecall(server.port(), "/v1/suppliers/nobody/trace");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("problems/not-found");
  }

  @Test
  void shouldAnswerEveryDeviceAModuleWentIntoWhenWhereUsedIsAsked() throws IOException {
    custody.send(assembled("RACK-1", T0.plusSeconds(2400), component("GW", "LOT-GW", GATEWAY)));

    var response = client.asRecall(server.port(), "/v1/components/" + MODULE + "/where-used");
    var direct = client.asRecall(server.port(), "/v1/components/" + MODULE + "/where-used?depth=1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode used = json.readTree(response.body());
    assertThat(used.get("component").asText()).isEqualTo(MODULE);
    assertThat(used.at("/usedIn/0/serial").asText()).isEqualTo(GATEWAY);
    assertThat(used.at("/usedIn/0/depth").asInt()).isEqualTo(1);
    assertThat(used.at("/usedIn/1/serial").asText()).isEqualTo("RACK-1");
    assertThat(used.at("/usedIn/1/depth").asInt()).isEqualTo(2);
    assertThat(used.at("/usedIn/1/via/0").asText()).isEqualTo(GATEWAY);
    assertThat(json.readTree(direct.body()).get("usedIn")).hasSize(1);
  }

  @Test
  void shouldAnswerAnEmptyListWhenAComponentWasUsedNowhere() {
    var response = client.asRecall(server.port(), "/v1/components/CPU-9999/where-used");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"component\":\"CPU-9999\",\"usedIn\":[]}");
  }

  @Test
  void shouldAnswer400WhenTheFormatOrTheDepthIsUnknown() {
    var format = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace?format=xml");
    var depth = client.asRecall(server.port(), "/v1/components/" + MODULE + "/where-used?depth=0");

    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("problems/invalid-query").contains("ndjson");
    assertThat(depth.statusCode()).isEqualTo(400);
    assertThat(depth.body()).contains("depth must be 1 or more");
  }

  @Test
  void shouldCountFieldedStockAndInTransitDevicesWhenFirmwareIsAsked() throws IOException {
    custody.send(
        assembled("GWX1-000300", T0, component("CPU-A53", "LOT-X")),
        flashed("GWX1-000300", "1.4.0", T0.plusSeconds(60)));

    var response = client.asRecall(server.port(), "/v1/firmware/" + PRODUCT);

    JsonNode image = json.readTree(response.body()).at("/installed/0");
    assertThat(image.get("count").asLong()).isEqualTo(2);
    assertThat(image.get("fielded").asLong()).isEqualTo(1);
    assertThat(image.get("stock").asLong()).isEqualTo(1);
    assertThat(image.get("inTransit").asLong()).isEqualTo(0);
  }

  @Test
  void shouldSendTheFirstRowsBeforeTheLastIsReadWhenALargeLotIsTraced() throws Exception {
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      serials.add(String.format("GWX2-%06d", i));
    }
    serials.forEach(
        s -> custody.send(assembled(s, T0.plusSeconds(60), component("RAM", "LOT-BIG"))));
    CountDownLatch lastRowMayBeRead = new CountDownLatch(1);
    access.gate(serials.get(serials.size() - 1), lastRowMayBeRead);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/v1/lots/LOT-BIG/trace"))
            .header("Authorization", "Bearer " + QueryClient.RECALL_TOKEN)
            .header("Accept", "application/x-ndjson")
            .build();

    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    Iterator<String> lines = response.body().iterator();
    String first = lines.next();

    // The server is still waiting to read the last device's state, and the first row is here.
    assertThat(lastRowMayBeRead.getCount()).isEqualTo(1);
    assertThat(json.readTree(first).get("serial").asText()).isEqualTo(serials.get(0));
    lastRowMayBeRead.countDown();
    int count = 1;
    while (lines.hasNext()) {
      lines.next();
      count++;
    }
    assertThat(count).isEqualTo(serials.size());
  }

  private List<JsonNode> lines(String body) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : body.split("\n")) {
      lines.add(json.readTree(line));
    }
    return lines;
  }
}
