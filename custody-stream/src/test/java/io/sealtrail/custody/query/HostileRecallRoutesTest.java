package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.testing.LogCapture;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 21, past the list: the recall routes the last session added (where-used, supplier trace,
 * firmware exposure) asked as a careless partner or an attacker would. Each answer is a specific
 * 4xx problem with a stable type (and the field where one is at fault), never a 500, a stack trace
 * or a library's class name, and costs at most one log line. The trace's filters and formats too.
 */
class HostileRecallRoutesTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir static Path tokens;
  private static final CustodyDriver custody = new CustodyDriver();
  private static final QueryClient client = new QueryClient();
  private static final ObjectMapper json = new ObjectMapper();
  private static PlatformHttpServer server;

  @BeforeAll
  static void start() throws IOException {
    custody.send(
        released("1.4.0", T0.minusSeconds(3600)),
        componentReceived(LOT, "CPU-A53", T0),
        assembled("MOD-000001", T0.plusSeconds(600), component("CPU-A53", LOT, "CPU-0001")));
    server = QueryClient.serve(new FakeStoreAccess(custody), QueryClient.recallTokens(tokens));
  }

  @AfterAll
  static void stop() {
    server.close();
    custody.close();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/v1/components/CPU-0001/where-used?depth=0 | 400 | invalid-query | ",
        "/v1/components/CPU-0001/where-used?depth=-7 | 400 | invalid-query | ",
        "/v1/components/CPU-0001/where-used?depth=abc | 400 | bad-request | ",
        "/v1/components/CPU-0001/where-used?depth=1e3 | 400 | bad-request | ",
        "/v1/components/CPU-0001/where-used?depth=99999999999999999999 | 400 | bad-request | ",
        "/v1/suppliers/%00%ff/trace | 404 | not-found | ",
        "/v1/suppliers/supplier-CPU-A53/trace?format=xml | 400 | invalid-query | ",
        "/v1/firmware/gateway-x1/exposure | 400 | invalid-request | imageSha256",
        "/v1/firmware/gateway-x1/exposure?imageSha256=%27%3Cscript%3E | 400 | invalid-request | imageSha256",
        "/v1/firmware/gateway-x1/exposure?imageSha256=abc&imageSha256=def | 400 | invalid-request | imageSha256",
        "/v1/lots/LOT-CPU-7/trace?status=%00 | 400 | invalid-query | status",
        "/v1/lots/LOT-CPU-7/trace?format=csv&format=json | 400 | invalid-query | ",
        "/v1/lots/LOT-CPU-7/trace?format=%00 | 400 | invalid-query | ",
        "/v1/suppliers/supplier-CPU-A53/trace?status=%ff%fe | 400 | invalid-query | status",
        "/v1/lots/%2e%2e/trace | 404 | not-found | ",
        "/v1/lots/%00/trace?format=ndjson | 404 | not-found | ",
      })
  void shouldAnswerASpecificProblemWhenARecallRouteIsAskedWithHostileInput(
      String path, int status, String type, String field) throws IOException {
    HttpResponse<String> response;
    try (LogCapture log = new LogCapture()) {
      response = client.asRecall(server.port(), path);
      // A client's mistake costs at most one log line, and never a stack trace.
      assertThat(log.events()).hasSizeLessThanOrEqualTo(1);
      assertThat(log.events()).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "io.micronaut", "jackson");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("type").asText()).endsWith("/problems/" + type);
    if (field != null) {
      assertThat(problem.path("field").asText()).isEqualTo(field);
    }
  }

  /** An id no component has (a NUL, a path climbing up) is just unknown: used nowhere. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"%00", "%2e%2e%2f%2e%2e%2fpolicy"})
  void shouldAnswerUsedNowhereWhenTheComponentIdIsATrick(String asked) throws IOException {
    String component = URLDecoder.decode(asked, StandardCharsets.UTF_8);
    var response = client.asRecall(server.port(), "/v1/components/" + asked + "/where-used");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json.readTree(response.body());
    assertThat(answer.path("component").asText()).isEqualTo(component);
    assertThat(answer.path("usedIn")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/v1/components/CPU-0001/where-used",
    "/v1/suppliers/supplier-CPU-A53/trace",
    "/v1/firmware/gateway-x1/exposure?imageSha256="
        + "0000000000000000000000000000000000000000000000000000000000000000"
  })
  void shouldRefuseWithoutSayingWhatIsThereWhenTheTokenIsWrongOrMissing(String path)
      throws IOException {
    var none = client.get(server.port(), path);
    var forged = client.get(server.port(), path, "Authorization", "Bearer recall-secreT");

    for (var response : java.util.List.of(none, forged)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
      assertThat(response.body()).doesNotContain("CPU-0001", "MOD-000001", "Exception");
    }
  }
}
