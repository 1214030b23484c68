package io.sealtrail.custody.query;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * {@code GET /v1/firmware/{product}/exposure}: every fielded device still running an image, over
 * the production topology's stores; stock and decommissioned devices are not exposed.
 */
class FirmwareExposureTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String STOCK = "GWX1-000043";
  static final String RETIRED = "GWX1-000044";
  static final String UPDATED = "GWX1-000045";

  private final CustodyDriver custody = new CustodyDriver();
  private final FakeStoreAccess access = new FakeStoreAccess(custody);
  private final QueryClient client = new QueryClient();
  private final ObjectMapper json = new ObjectMapper();
  private PlatformHttpServer server;

  @BeforeEach
  void start(@TempDir Path tokens) throws IOException {
    custody.send(
        released("1.4.0", T0.minus(Duration.ofDays(7))),
        released("1.5.0", T0.minus(Duration.ofDays(1))));
    for (String serial : new String[] {DEVICE, STOCK, RETIRED, UPDATED}) {
      custody.send(
          assembled(serial, T0.plusSeconds(60)), flashed(serial, "1.4.0", T0.plusSeconds(120)));
    }
    custody.send(
        commissioned(DEVICE, T0.plusSeconds(3600)),
        commissioned(RETIRED, T0.plusSeconds(3600)),
        decommissioned(RETIRED, T0.plusSeconds(7200)),
        commissioned(UPDATED, T0.plusSeconds(3600)),
        flashed(UPDATED, "1.5.0", T0.plusSeconds(7200)));
    server = QueryClient.serve(access, QueryClient.recallTokens(tokens));
  }

  @AfterEach
  void stop() {
    server.close();
    custody.close();
  }

  @Test
  void shouldListOnlyFieldedDevicesStillRunningTheImageWhenAsked() throws IOException {
    var response = client.asRecall(server.port(), exposure(PRODUCT, imageOf("1.4.0")));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("product").asText()).isEqualTo(PRODUCT);
    assertThat(body.get("imageSha256").asText()).isEqualTo(imageOf("1.4.0"));
    assertThat(body.get("devices")).hasSize(1);
    JsonNode device = body.get("devices").get(0);
    assertThat(device.get("serial").asText()).isEqualTo(DEVICE);
    assertThat(device.get("status").asText()).isEqualTo("IN_SERVICE");
    assertThat(device.get("version").asText()).isEqualTo("1.4.0");
    assertThat(device.get("site").asText()).isEqualTo(custody.state(DEVICE).getSite());
    assertThat(device.get("custodian").asText()).isEqualTo(custody.state(DEVICE).getCustodian());
    assertThat(device.has("customer")).isTrue();
  }

  @Test
  void shouldAcceptTheImageInUpperCaseWhenAsked() throws IOException {
    var response =
        client.asRecall(server.port(), exposure(PRODUCT, imageOf("1.4.0").toUpperCase()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("devices")).hasSize(1);
  }

  @Test
  void shouldAnswerNoDevicesWhenNoFieldedDeviceRunsTheImage() throws IOException {
    var response = client.asRecall(server.port(), exposure(PRODUCT, "0".repeat(64)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("devices")).isEmpty();
  }

  @Test
  void shouldAnswerNotFoundWhenTheProductRunsNoFirmware() {
    var response = client.asRecall(server.port(), exposure("toaster-9", imageOf("1.4.0")));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("problems/not-found").contains("toaster-9");
  }

  @Test
  void shouldRefuseWith400WhenTheImageIsMalformedOrMissing() {
    var malformed = client.asRecall(server.port(), exposure(PRODUCT, "abc"));
    var missing = client.asRecall(server.port(), "/v1/firmware/" + PRODUCT + "/exposure");

    for (var response : java.util.List.of(malformed, missing)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.body()).contains("problems/invalid-request").contains("imageSha256");
    }
  }

  @Test
  void shouldAnswer401WhenNoReaderTokenIsGiven() {
    var response = client.get(server.port(), exposure(PRODUCT, imageOf("1.4.0")));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static String exposure(String product, String image) {
    return "/v1/firmware/" + product + "/exposure?imageSha256=" + image;
  }
}
