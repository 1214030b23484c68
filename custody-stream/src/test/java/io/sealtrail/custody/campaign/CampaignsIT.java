package io.sealtrail.custody.campaign;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.fixtures.NodeHarness;
import io.sealtrail.custody.fixtures.NodeHarness.Reply;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaigns API over real HTTP on a custody node and an in-process broker: a campaign created
 * from a lot lists the lot's devices as OPEN, a device moves through its states with the caller as
 * actor, illegal moves are 409, every write is audited, a retry with the same request id answers
 * the same campaign, the campaign survives a restart onto empty state, and only recall and admin
 * may write.
 */
class CampaignsIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final String RECALL = "recall-campaigns-it";
  static final String AUDITOR = "auditor-campaigns-it";
  static final String SECOPS = "secops-campaigns-it";
  static final String LOT = "LOT-CAMPAIGN-IT";
  static final List<String> DEVICES = List.of("GWX1-CAMP-1", "GWX1-CAMP-2", "GWX1-CAMP-3");

  @TempDir Path dir;
  private NodeHarness harness;

  @BeforeEach
  void harness() throws IOException {
    harness =
        new NodeHarness(
            KAFKA,
            dir,
            "custody-campaigns-it",
            Map.of("recall", RECALL, "auditor", AUDITOR, "secops", SECOPS));
  }

  @Test
  void shouldTrackEachDeviceOfALotsCampaignAndKeepItAcrossARestart() throws Exception {
    harness.createTopics(2);
    Instant at = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    harness.produce(componentReceived(LOT, "CAP-1", at.minusSeconds(60)));
    for (String device : DEVICES) {
      harness.produce(assembled(device, at, component("CAP-1", LOT)));
    }
    harness.produce(assembled("GWX1-CAMP-OTHER", at, component("CAP-1", "LOT-OTHER")));

    String campaignId;
    try (CustodyNode node = harness.start("first")) {
      URI url = node.url();
      // The lot's devices reach its lineage through a repartition: wait for all three.
      harness.await(
          url,
          "/v1/lots/" + LOT + "/trace",
          RECALL,
          r -> r.status() == 200 && DEVICES.stream().allMatch(r.body()::contains));

      String create = "{\"name\":\"caps recall\",\"lot\":\"" + LOT + "\"}";
      Reply created = post(url, "/v1/campaigns", create, Map.of("X-Request-Id", "r-1"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.body())
          .contains(
              "\"name\":\"caps recall\"",
              "\"scope\":\"LOT\"",
              "\"scopeId\":\"" + LOT + "\"",
              "\"deviceCount\":3",
              "\"OPEN\":3",
              "\"NOTIFIED\":0")
          .doesNotContain("GWX1-CAMP-OTHER");
      DEVICES.forEach(d -> assertThat(created.body()).contains("\"serial\":\"" + d + "\""));
      campaignId = field(created.body(), "campaignId");
      String createdBy = field(created.body(), "createdBy");
      assertThat(createdBy).isNotBlank();

      // The same request again (its answer was lost) is the same campaign, not a second one.
      Reply retried = post(url, "/v1/campaigns", create, Map.of("X-Request-Id", "r-1"));
      assertThat(retried.status()).isEqualTo(201);
      assertThat(field(retried.body(), "campaignId")).isEqualTo(campaignId);
      assertThat(harness.get(url, "/v1/campaigns", AUDITOR).body())
          .containsOnlyOnce("\"campaignId\":\"" + campaignId + "\"");

      String device = "/v1/campaigns/" + campaignId + "/devices/" + DEVICES.get(0);
      Reply early = post(url, device, "{\"state\":\"RETURNED\"}", Map.of());
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.body()).contains("problems/illegal-transition", "NOTIFIED");
      Reply notified = post(url, device, "{\"state\":\"NOTIFIED\",\"note\":\"mailed\"}", Map.of());
      assertThat(notified.status()).as(notified.body()).isEqualTo(200);
      assertThat(notified.body())
          .contains(
              "\"state\":\"NOTIFIED\"", "\"note\":\"mailed\"", "\"changedBy\":\"" + createdBy);
      assertThat(post(url, device, "{\"state\":\"RETURNED\"}", Map.of()).status()).isEqualTo(200);
      assertThat(post(url, device, "{\"state\":\"NOTIFIED\"}", Map.of()).status()).isEqualTo(409);

      assertThat(harness.awaitAudit("campaign:" + campaignId, 1).get(0))
          .contains("campaign.created");
      assertThat(harness.awaitAudit("campaign:" + campaignId + "/" + DEVICES.get(0), 2))
          .allMatch(entry -> entry.contains("campaign.device-updated"));
    }

    // A new instance on an empty state directory rebuilds the campaigns from the topic.
    try (CustodyNode node = harness.start("second")) {
      Reply shown =
          harness.await(node.url(), "/v1/campaigns/" + campaignId, RECALL, r -> r.status() == 200);
      assertThat(shown.body()).contains("\"OPEN\":2", "\"RETURNED\":1", "\"state\":\"RETURNED\"");
    }
  }

  @Test
  void shouldRefuseCallersWithoutTheRightRoleAndBadRequestsWithTheField() throws Exception {
    harness.createTopics(2);
    try (CustodyNode node = harness.start("roles")) {
      URI url = node.url();
      String lot = "{\"name\":\"n\",\"lot\":\"L\"}";
      assertThat(harness.send(url, "POST", "/v1/campaigns", null, lot).status()).isEqualTo(401);
      Reply forbidden = harness.send(url, "POST", "/v1/campaigns", SECOPS, lot);
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(harness.send(url, "POST", "/v1/campaigns", AUDITOR, lot).status()).isEqualTo(403);
      assertThat(harness.await(url, "/v1/campaigns", RECALL, r -> r.status() != 503).status())
          .isEqualTo(200);
      assertThat(harness.get(url, "/v1/campaigns", SECOPS).status()).isEqualTo(200);

      assertInvalid(url, "{\"lot\":\"L\"}", "/name");
      assertInvalid(url, "{\"name\":\"n\"}", "");
      assertInvalid(url, "{\"name\":\"n\",\"lot\":\"L\",\"supplier\":\"S\"}", "/supplier");
      assertInvalid(url, "{\"name\":\"n\",\"imageSha256\":\"abc\"}", "/imageSha256");
      assertInvalid(url, "{\"name\":\"n\",\"lot\":\"L\",\"createdBy\":\"x\"}", "/createdBy");
      assertThat(post(url, "/v1/campaigns", "{nope", Map.of()).status()).isEqualTo(400);
      // Until the streams run, the lot's owner is not known (503); then the lot is unknown.
      Reply unknownLot =
          Eventually.await(
              () -> post(url, "/v1/campaigns", lot, Map.of()),
              r -> r.status() != 503,
              "an answer about lot L");
      assertThat(unknownLot.status()).as(unknownLot.body()).isEqualTo(404);
      Reply unknownImage =
          post(
              url,
              "/v1/campaigns",
              "{\"name\":\"n\",\"imageSha256\":\"" + "a".repeat(64) + "\"}",
              Map.of());
      assertThat(unknownImage.status()).as(unknownImage.body()).isEqualTo(404);
      assertThat(harness.get(url, "/v1/campaigns/none", RECALL).status()).isEqualTo(404);
      Reply move = post(url, "/v1/campaigns/none/devices/X", "{\"state\":\"LOST\"}", Map.of());
      assertThat(move.status()).isEqualTo(400);
      assertThat(move.body()).contains("\"field\":\"/state\"");
    }
  }

  private Reply post(URI url, String path, String body, Map<String, String> headers) {
    return harness.send(url, "POST", path, RECALL, body, headers);
  }

  private void assertInvalid(URI url, String body, String field) {
    Reply reply = post(url, "/v1/campaigns", body, Map.of());
    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.body())
        .as(body)
        .contains("problems/invalid-request", "\"field\":\"" + field + "\"");
  }

  private static String field(String body, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }
}
