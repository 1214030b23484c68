package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read routes on one instance owning every key, over the production topology's stores. */
class QueryControllerTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private final CustodyDriver custody = new CustodyDriver();
  private final FakeStoreAccess access = new FakeStoreAccess(custody);
  private final QueryClient client = new QueryClient();
  private PlatformHttpServer server;

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    custody.send(
        released("1.4.0", T0.minus(Duration.ofDays(7))),
        componentReceived(LOT, "CPU-A53", T0),
        assembled(DEVICE, T0.plusSeconds(3600), component("CPU-A53", LOT)),
        flashed(DEVICE, "1.4.0", T0.plusSeconds(7200)));
    server = QueryClient.serve(access, QueryClient.recallTokens(tokens));
  }

  @AfterEach
  void stop() {
    server.close();
    custody.close();
  }

  @Test
  void shouldAnswerCurrentStateWhenSerialIsOwnedHere() {
    var response = client.asRecall(server.port(), "/v1/serials/" + DEVICE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"serial\":\"" + DEVICE + "\"")
        .contains("\"chainHash\":\"" + custody.state(DEVICE).getChainHash() + "\"")
        .contains("\"version\":\"1.4.0\"");
  }

  @Test
  void shouldAnswerNotFoundProblemWhenSerialWasNeverSeen() {
    var response = client.asRecall(server.port(), "/v1/serials/NOPE-1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("problems/not-found");
  }

  @Test
  void shouldAnswerHistoryWithEnvelopesAndChainWhenSerialHasEvents() {
    var response = client.asRecall(server.port(), "/v1/serials/" + DEVICE + "/history");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"payloadType\":")
        .contains("\"signatures\":")
        .contains("\"genesis\":\"" + "0".repeat(64) + "\"")
        .contains("\"chainHash\":\"" + custody.state(DEVICE).getChainHash() + "\"");
  }

  @Test
  void shouldAnswerAnEpcisDocumentLinkedToTheSignedEventsWhenEpcisIsAsked() throws IOException {
    var json = new ObjectMapper();
    var history =
        json.readTree(client.asRecall(server.port(), "/v1/serials/" + DEVICE + "/history").body());

    var response =
        client.asRecall(server.port(), "/v1/serials/" + DEVICE + "/history?format=epcis");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/ld+json"));
    var document = json.readTree(response.body());
    assertThat(document.get("type").asText()).isEqualTo("EPCISDocument");
    var linked = new java.util.ArrayList<String>();
    document
        .at("/epcisBody/eventList")
        .forEach(e -> linked.add(e.get("sealtrail:payloadSha256").asText()));
    var signed = new java.util.ArrayList<String>();
    history.get("events").forEach(e -> signed.add(e.at("/event/payloadSha256").asText()));
    assertThat(linked).containsAll(signed).hasSizeGreaterThanOrEqualTo(signed.size());
    assertThat(document.at("/epcisBody/eventList/0/bizStep").asText()).isEqualTo("commissioning");
  }

  @Test
  void shouldAnswerChainIntactWhenTheHistoryMatchesTheStateHead() {
    var response = client.asRecall(server.port(), "/v1/serials/" + DEVICE + "/history");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"chain\":{\"status\":\"intact\"}");
  }

  @Test
  void shouldAnswerTraceAsCsvWhenCsvIsAsked() {
    var response = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace?format=csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.body().split("\r\n"))
        .containsExactly(
            TraceCsv.HEADER,
            String.join(
                ",",
                LOT,
                "supplier-CPU-A53",
                DEVICE,
                "CPU-A53",
                "IN_FACTORY",
                "acme-line-3",
                "SZX-F1",
                "",
                PRODUCT,
                "1.4.0",
                imageOf("1.4.0"),
                "",
                "",
                T0.plusSeconds(7200).toString(),
                "1",
                ""));
  }

  @Test
  void shouldAnswerTheLotAndItsDevicesEventsOnceInTimeOrderWhenEpcisTraceIsAsked()
      throws IOException {
    var json = new ObjectMapper();

    var response = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace?format=epcis");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/ld+json"));
    var events = json.readTree(response.body()).at("/epcisBody/eventList");
    var types = new java.util.ArrayList<String>();
    var ids = new java.util.HashSet<String>();
    var times = new java.util.ArrayList<String>();
    events.forEach(
        e -> {
          types.add(e.get("sealtrail:custodyEventType").asText());
          ids.add(e.get("eventID").asText());
          times.add(e.get("eventTime").asText());
        });
    // The lot's receipt, then the device's assembly (commissioning and its parts) and flash.
    assertThat(types)
        .containsExactly("COMPONENT_RECEIVED", "ASSEMBLED", "ASSEMBLED", "FIRMWARE_FLASHED");
    assertThat(ids).hasSize(events.size());
    assertThat(times).isSorted();
  }

  @Test
  void shouldAnswerNotFoundWhenAnEpcisTraceIsAskedOfAnUnknownLot() {
    var response = client.asRecall(server.port(), "/v1/lots/NO-LOT/trace?format=epcis");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswerTraceAsJsonWhenNothingElseIsAsked() {
    var response = client.asRecall(server.port(), "/v1/lots/" + LOT + "/trace");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"lot\":\"" + LOT + "\"")
        .contains("\"serial\":\"" + DEVICE);
  }

  @Test
  void shouldAnswerFirmwareInventoryWhenProductRunsAnImage() {
    var response = client.asRecall(server.port(), "/v1/firmware/" + PRODUCT);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"version\":\"1.4.0\"")
        .contains("\"count\":1")
        .contains("\"serials\":[\"" + DEVICE + "\"]");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenStoreMigrates() {
    access.migrating();

    var response = client.asRecall(server.port(), "/v1/serials/" + DEVICE);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(response.body()).contains("problems/store-unavailable");
  }

  @Test
  void shouldAnswer401WhenTokenIsMissingOrUnknown() {
    var missing = client.get(server.port(), "/v1/serials/" + DEVICE);
    var unknown =
        client.get(server.port(), "/v1/serials/" + DEVICE, "Authorization", "Bearer guess");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }
}
