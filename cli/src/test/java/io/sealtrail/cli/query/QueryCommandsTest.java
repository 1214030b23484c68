package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.query.CannedApi.Run;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code serial}, {@code trace} and {@code alerts} over real HTTP against canned API answers. */
class QueryCommandsTest {
  static final String GENESIS = "0".repeat(64);
  static final String TOKEN = "t0k3n";

  private final CannedApi api = new CannedApi();

  QueryCommandsTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  private Run sealtrail(String... args) {
    return api.sealtrail(TOKEN, args);
  }

  @Test
  void shouldShowStateAndVerifiedHistoryWhenTheChainHolds() throws Exception {
    String sha1 = sha256Hex("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
    String sha2 = sha256Hex("{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8));
    String link1 = link(GENESIS, sha1);
    String link2 = link(link1, sha2);
    api.answer("/v1/serials/DEV-1", 200, "application/json", state(link2));
    api.answer("/v1/serials/DEV-1/history", 200, "application/json", history(link1, link2, "e2"));

    Run run = sealtrail("serial", "DEV-1");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("DEV-1  DEVICE  IN_SERVICE at CUST-1")
        .contains("hash chain verified");
    assertThat(run.out()).contains("ASSEMBLED").contains("e1");
    assertThat(api.authorizations).containsOnly("Bearer " + TOKEN);
  }

  @Test
  void shouldPrintStateHistoryAndTheLocalVerdictAsJsonWhenAskedForJson() throws Exception {
    String sha1 = sha256Hex("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
    String sha2 = sha256Hex("{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8));
    String link2 = link(link(GENESIS, sha1), sha2);
    api.answer("/v1/serials/DEV-1", 200, "application/json", state(link2));
    api.answer(
        "/v1/serials/DEV-1/history",
        200,
        "application/json",
        history(link(GENESIS, sha1), link2, "e2"));

    Run run = sealtrail("serial", "DEV-1", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode answer = new ObjectMapper().readTree(run.out());
    assertThat(answer.at("/state/serial").asText()).isEqualTo("DEV-1");
    assertThat(answer.at("/history/events")).hasSize(2);
    assertThat(answer.at("/verification/verified").asBoolean()).isTrue();
    assertThat(answer.at("/verification/head").asText()).isEqualTo(link2);
  }

  @Test
  void shouldSayNotVerifiedAndExitOneWhenAPayloadWasEdited() throws Exception {
    String sha1 = sha256Hex("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
    String sha2 = sha256Hex("{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8));
    String link1 = link(GENESIS, sha1);
    String link2 = link(link1, sha2);
    api.answer("/v1/serials/DEV-1", 200, "application/json", state(link2));
    api.answer("/v1/serials/DEV-1/history", 200, "application/json", history(link1, link2, "e3"));

    Run run = sealtrail("serial", "DEV-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("NOT VERIFIED: event 2: payload does not hash to its payloadSha256");
  }

  @Test
  void shouldVerifyTheChainWhenAnEventArrivedBetweenTheStateAndTheHistory() throws Exception {
    String link1 =
        link(GENESIS, sha256Hex("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8)));
    String link2 = link(link1, sha256Hex("{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8)));
    api.answer("/v1/serials/DEV-1", 200, "application/json", state(link1));
    api.answer("/v1/serials/DEV-1/history", 200, "application/json", history(link1, link2, "e2"));

    Run run = sealtrail("serial", "DEV-1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "hash chain verified, head " + link2 + " (1 event(s) newer than the state above)");
  }

  @Test
  void shouldSayNotVerifiedWhenTheStatesHeadIsNoLinkOfTheHistory() throws Exception {
    String link1 =
        link(GENESIS, sha256Hex("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8)));
    String link2 = link(link1, sha256Hex("{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8)));
    String forged = "ab".repeat(32);
    api.answer("/v1/serials/DEV-1", 200, "application/json", state(forged));
    api.answer("/v1/serials/DEV-1/history", 200, "application/json", history(link1, link2, "e2"));

    Run run = sealtrail("serial", "DEV-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("NOT VERIFIED: the state's head " + forged + " is no link of the history");
  }

  @Test
  void shouldNameTheTokenProblemWhenRefusedWith401() {
    api.answer("/v1/serials/DEV-1", CannedApi.problem(401, "unknown token"));

    Run run = sealtrail("serial", "DEV-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "serial: error: the token was refused (401): pass --token or --token-file with a valid token"
                + System.lineSeparator());
  }

  @Test
  void shouldNameTheRoleWhenForbiddenWith403() {
    api.answer("/v1/alerts", CannedApi.problem(403, "role recall may not"));

    Run run = sealtrail("alerts");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("alerts: error: the token's role may not read /v1/alerts (403)");
  }

  @Test
  void shouldSayNotFoundWhenTheLotWasNeverSeen() {
    api.answer("/v1/lots/LOT-9/trace", CannedApi.problem(404, "lot LOT-9 was never seen"));

    Run run = sealtrail("trace", "LOT-9");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("trace: error: not found (404): lot LOT-9 was never seen");
  }

  @Test
  void shouldSayWhenToRetryAndExitTwoWhenUnavailable() {
    api.answer("/v1/lots/LOT-1/trace", CannedApi.problem(503, "store migrating"));

    Run run = sealtrail("trace", "LOT-1");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("(503): store migrating; retry in 2 s");
  }

  @Test
  void shouldSayItCannotReachTheServiceWhenNothingListens() {
    api.close();

    Run run = sealtrail("alerts");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("cannot reach " + api.url() + "/: is `sealtrail local` running?");
  }

  @Test
  void shouldPrintTheServicesCsvWhenAskedForCsv() {
    api.answer(
        "/v1/lots/LOT-1/trace?format=csv",
        200,
        "text/csv",
        "serial,status\r\nDEV-1,IN_SERVICE\r\n");

    Run run = sealtrail("trace", "LOT-1", "--csv");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("serial,status\r\nDEV-1,IN_SERVICE\r\n");
  }

  @Test
  void shouldPrintTheEpcisDocumentAskedAsJsonLdWhenAskedForEpcis() {
    // The server answers ?format=epcis with Accept: application/ld+json (custody-stream's
    // TraceFilterRoutesTest); the command asks exactly that and prints the document as it came.
    String document = "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[]}}";
    api.answer("/v1/lots/LOT-1/trace?format=epcis", 200, "application/ld+json", document);

    Run run = sealtrail("trace", "LOT-1", "--epcis");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(document);
    assertThat(api.accepts).containsExactly("application/ld+json");
  }

  @Test
  void shouldListEveryDeviceOfTheLotWhenTraced() {
    api.answer(
        "/v1/lots/LOT-1/trace",
        200,
        "application/json",
        "{\"lot\":\"LOT-1\",\"supplier\":\"acme\",\"devices\":[{\"serial\":\"DEV-1\",\"status\":\"IN_SERVICE\",\"site\":\"CUST-1\",\"custodian\":\"field\",\"container\":null,\"firmwareVersion\":\"1.4.0\"}]}");

    Run run = sealtrail("trace", "LOT-1");

    assertThat(run.out())
        .contains("Lot LOT-1 (supplier acme): 1 devices")
        .containsPattern("DEV-1 +IN_SERVICE +CUST-1 +field +- +1.4.0");
  }

  @Test
  void shouldPassFiltersAndListAlertsWhenAsked() {
    api.answer(
        "/v1/alerts?status=OPEN&type=CLONE_SUSPECTED",
        200,
        "application/json",
        "{\"alerts\":[" + alert("A1") + "],\"truncated\":false}");

    Run run = sealtrail("alerts", "--status", "OPEN", "--type", "CLONE_SUSPECTED");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("1 alerts")
        .contains("CLONE_SUSPECTED")
        .contains("DEV-7")
        .contains("two docks");
  }

  @Test
  void shouldPrintEachStreamedAlertWhenFollowing() {
    String stream =
        ": heartbeat\n\nevent: alert\nid: A1\ndata: "
            + alert("A1")
            + "\n\nevent: alert\nid: A2\ndata: "
            + alert("A2")
            + "\n\n";
    api.answer("/v1/alerts/stream", 200, "text/event-stream", stream);

    Run run = sealtrail("alerts", "--follow");

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines()).hasSize(2).allMatch(l -> l.contains("CLONE_SUSPECTED"));
  }

  private static String alert(String id) {
    return "{\"alertId\":\""
        + id
        + "\",\"type\":\"CLONE_SUSPECTED\",\"severity\":\"CRITICAL\",\"status\":\"OPEN\",\"subject\":{\"kind\":\"SERIAL\",\"id\":\"DEV-7\"},\"summary\":\"DEV-7 at two docks\",\"lastSeenAt\":\"2026-11-21T07:00:00Z\"}";
  }

  private static String state(String head) {
    return "{\"serial\":\"DEV-1\",\"kind\":\"DEVICE\",\"status\":\"IN_SERVICE\",\"site\":\"CUST-1\",\"custodian\":\"field\",\"chainHash\":\""
        + head
        + "\",\"firmware\":{\"version\":\"1.4.0\"}}";
  }

  private static String history(String link1, String link2, String secondPayloadId) {
    String p1 =
        Base64.getEncoder().encodeToString("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
    String p2 =
        Base64.getEncoder()
            .encodeToString(
                ("{\"eventId\":\"" + secondPayloadId + "\"}").getBytes(StandardCharsets.UTF_8));
    String sha1 = sha256Hex("{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
    String sha2 = sha256Hex("{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8));
    return "{\"serial\":\"DEV-1\",\"genesis\":\""
        + GENESIS
        + "\",\"chainHash\":\""
        + link2
        + "\",\"events\":["
        + entry(1, link1, "e1", "ASSEMBLED", p1, sha1)
        + ","
        + entry(2, link2, "e2", "COMMISSIONED", p2, sha2)
        + "]}";
  }

  private static String entry(
      int seq, String link, String id, String type, String payload, String sha) {
    return "{\"sequence\":"
        + seq
        + ",\"chainHash\":\""
        + link
        + "\",\"event\":{\"event\":{\"eventId\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\"2026-11-20T10:00:00Z\",\"partnerId\":\"p\",\"site\":\"S\"},"
        + "\"envelope\":{\"payload\":\""
        + payload
        + "\"},\"payloadSha256\":\""
        + sha
        + "\"}}";
  }

  private static String link(String previous, String sha) throws Exception {
    var digest = MessageDigest.getInstance("SHA-256");
    digest.update(HexFormat.of().parseHex(previous));
    digest.update(HexFormat.of().parseHex(sha));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
