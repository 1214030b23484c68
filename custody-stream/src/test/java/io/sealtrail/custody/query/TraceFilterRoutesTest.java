package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.CUSTOMER_SITE;
import static io.sealtrail.custody.fixtures.Parties.FACTORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace filters over real HTTP ({@link TraceFilter}): the same rows in every format of a lot
 * and of a supplier trace, repeated parameters, and a 400 for a status that does not exist. Also
 * the EPCIS trace asked by {@code Accept: application/ld+json}.
 */
class TraceFilterRoutesTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String LOT = "LOT-F";
  static final String SUPPLIER = "supplier-RAM";
  static final String FIELDED = "GWF-000001"; // 1.4.0, commissioned: IN_SERVICE at MUC-C1
  static final String FLASHED = "GWF-000002"; // 1.5.0, still in the factory
  static final String BARE = "GWF-000003"; // no firmware, still in the factory

  private final CustodyDriver custody = new CustodyDriver();
  private final FakeStoreAccess access = new FakeStoreAccess(custody);
  private final QueryClient client = new QueryClient();
  private final ObjectMapper json = new ObjectMapper();
  private PlatformHttpServer server;

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    custody.send(
        released("1.4.0", T0.minus(Duration.ofDays(7))),
        released("1.5.0", T0.minus(Duration.ofDays(7))),
        componentReceived(LOT, "RAM", T0),
        assembled(FIELDED, T0.plusSeconds(60), component("RAM", LOT)),
        assembled(FLASHED, T0.plusSeconds(60), component("RAM", LOT)),
        assembled(BARE, T0.plusSeconds(60), component("RAM", LOT)),
        flashed(FIELDED, "1.4.0", T0.plusSeconds(600)),
        flashed(FLASHED, "1.5.0", T0.plusSeconds(600)),
        commissioned(FIELDED, T0.plusSeconds(3600)));
    server = QueryClient.serve(access, QueryClient.recallTokens(tokens));
  }

  @AfterEach
  void stop() {
    server.close();
    custody.close();
  }

  @Test
  void shouldAnswerEveryDeviceWhenNoFilterIsGiven() throws IOException {
    assertThat(ndjson("/v1/lots/" + LOT + "/trace?format=ndjson"))
        .containsExactly(FIELDED, FLASHED, BARE);
  }

  @Test
  void shouldKeepTheSameRowsInEveryFormatWhenTheLotTraceIsFilteredByStatus() throws IOException {
    String path = "/v1/lots/" + LOT + "/trace?status=IN_SERVICE";

    assertThat(ndjson(path + "&format=ndjson")).containsExactly(FIELDED);
    JsonNode document = json.readTree(ok(path + "&format=json"));
    assertThat(document.get("lot").asText()).isEqualTo(LOT);
    assertThat(document.get("devices").findValuesAsText("serial")).containsExactly(FIELDED);
    List<String> csv = ok(path + "&format=csv").lines().toList();
    assertThat(csv).hasSize(2);
    assertThat(csv.get(1)).contains("," + FIELDED + ",", ",IN_SERVICE,", CUSTOMER_SITE);
    String epcis = ok(path + "&format=epcis");
    assertThat(epcis).contains("EPCISDocument", FIELDED).doesNotContain(FLASHED, BARE);
  }

  @Test
  void shouldMatchAnyValueOfARepeatedParameterAndEveryParameterGiven() throws IOException {
    String lot = "/v1/lots/" + LOT + "/trace?format=ndjson";

    assertThat(ndjson(lot + "&firmware=1.4.0&firmware=1.5.0")).containsExactly(FIELDED, FLASHED);
    assertThat(ndjson(lot + "&firmware=1.4.0&firmware=1.5.0&site=" + FACTORY))
        .containsExactly(FLASHED);
    assertThat(ndjson(lot + "&site=" + FACTORY + "&site=" + CUSTOMER_SITE))
        .containsExactly(FIELDED, FLASHED, BARE);
    assertThat(ndjson(lot + "&customer=stadtwerke")).containsExactly(FIELDED);
    assertThat(ndjson(lot + "&customer=nobody")).isEmpty();
    assertThat(ndjson(lot + "&status=in_service")).containsExactly(FIELDED);
    // An empty value is the form's "any": it narrows nothing.
    assertThat(ndjson(lot + "&site=&status=")).containsExactly(FIELDED, FLASHED, BARE);
  }

  @Test
  void shouldFilterTheSupplierTraceInEveryFormat() throws IOException {
    String path = "/v1/suppliers/" + SUPPLIER + "/trace?site=" + FACTORY;

    assertThat(ndjson(path + "&format=ndjson")).containsExactly(FLASHED, BARE);
    assertThat(json.readTree(ok(path)).get("devices").findValuesAsText("serial"))
        .containsExactly(FLASHED, BARE);
    assertThat(ok(path + "&format=csv").lines()).hasSize(3);
  }

  @Test
  void shouldAnswer400NamingTheParameterWhenAStatusIsUnknown() throws IOException {
    for (String path :
        List.of(
            "/v1/lots/" + LOT + "/trace?status=IN_SERVICE&status=BROKEN",
            "/v1/lots/" + LOT + "/trace?format=ndjson&status=BROKEN",
            "/v1/lots/" + LOT + "/trace?format=epcis&status=BROKEN",
            "/v1/suppliers/" + SUPPLIER + "/trace?format=csv&status=BROKEN")) {
      var response = client.asRecall(server.port(), path);

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("detail").asText()).as(path).startsWith("status must be one of");
      assertThat(problem.get("detail").asText()).contains("'BROKEN'");
      assertThat(response.body()).contains("\"status\"");
    }
  }

  @Test
  void shouldAnswerTheEpcisTraceWhenJsonLdIsAccepted() {
    for (String query : List.of("", "?format=epcis")) {
      var response =
          client.asRecall(
              server.port(), "/v1/lots/" + LOT + "/trace" + query, "Accept", "application/ld+json");

      assertThat(response.statusCode()).as(query).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/ld+json");
      assertThat(response.body()).contains("EPCISDocument", FIELDED, FLASHED, BARE);
    }
  }

  private String ok(String path) {
    var response = client.asRecall(server.port(), path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private List<String> ndjson(String path) throws IOException {
    List<String> serials = new ArrayList<>();
    for (String line : ok(path).split("\n")) {
      if (!line.isBlank()) {
        serials.add(json.readTree(line).get("serial").asText());
      }
    }
    return serials;
  }
}
