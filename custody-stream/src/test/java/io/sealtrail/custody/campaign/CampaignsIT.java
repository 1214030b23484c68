package io.sealtrail.custody.campaign;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.fixtures.NodeHarness;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
            KAFKA, dir, Map.of("recall", RECALL, "auditor", AUDITOR, "secops", SECOPS), RECALL);
  }

  @Test
  void shouldTrackEachDeviceOfALotsCampaignAndKeepItAcrossARestart() throws Exception {
    Map<String, String> flat = harness.sharedConfig("custody-campaigns-it");
    CustodyConfig config = CustodyConfig.from(flat);
    NodeHarness.createTopics(config);
    Instant at = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    for (String device : DEVICES) {
      harness.produce(config, assembled(device, at, component("CAP-1", LOT)));
    }
    harness.produce(config, assembled("GWX1-CAMP-OTHER", at, component("CAP-1", "LOT-OTHER")));

    String campaignId;
    try (CustodyNode node = harness.start(flat, "first")) {
      int port = node.url().getPort();
      // The lot's devices reach its lineage through a repartition: wait for all three.
      harness.await(
          port,
          "/v1/lots/" + LOT + "/trace",
          r -> r.status() == 200 && DEVICES.stream().allMatch(r.body()::contains));

      String create = "{\"name\":\"caps recall\",\"lot\":\"" + LOT + "\"}";
      NodeHarness.Reply created =
          harness.post(port, "/v1/campaigns", RECALL, create, Map.of("X-Request-Id", "r-1"));
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
      campaignId = NodeHarness.field(created.body(), "campaignId");
      String createdBy = NodeHarness.field(created.body(), "createdBy");
      assertThat(createdBy).isNotBlank();

      // The same request again (its answer was lost) is the same campaign, not a second one.
      NodeHarness.Reply retried =
          harness.post(port, "/v1/campaigns", RECALL, create, Map.of("X-Request-Id", "r-1"));
      assertThat(retried.status()).isEqualTo(201);
      assertThat(NodeHarness.field(retried.body(), "campaignId")).isEqualTo(campaignId);
      assertThat(harness.get(port, "/v1/campaigns", AUDITOR).body())
          .containsOnlyOnce("\"campaignId\":\"" + campaignId + "\"");

      String device = "/v1/campaigns/" + campaignId + "/devices/" + DEVICES.get(0);
      NodeHarness.Reply early = harness.post(port, device, RECALL, "{\"state\":\"RETURNED\"}");
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.body()).contains("problems/illegal-transition", "NOTIFIED");
      NodeHarness.Reply notified =
          harness.post(port, device, RECALL, "{\"state\":\"NOTIFIED\",\"note\":\"mailed\"}");
      assertThat(notified.status()).as(notified.body()).isEqualTo(200);
      assertThat(notified.body())
          .contains(
              "\"state\":\"NOTIFIED\"", "\"note\":\"mailed\"", "\"changedBy\":\"" + createdBy);
      assertThat(harness.post(port, device, RECALL, "{\"state\":\"RETURNED\"}").status())
          .isEqualTo(200);
      assertThat(harness.post(port, device, RECALL, "{\"state\":\"NOTIFIED\"}").status())
          .isEqualTo(409);

      assertThat(harness.awaitAudit(config, "campaign:" + campaignId, 1).get(0))
          .contains("campaign.created");
      assertThat(harness.awaitAudit(config, "campaign:" + campaignId + "/" + DEVICES.get(0), 2))
          .allMatch(entry -> entry.contains("campaign.device-updated"));
    }

    // A new instance on an empty state directory rebuilds the campaigns from the topic.
    try (CustodyNode node = harness.start(flat, "second")) {
      int port = node.url().getPort();
      NodeHarness.Reply shown =
          harness.await(port, "/v1/campaigns/" + campaignId, r -> r.status() == 200);
      assertThat(shown.body()).contains("\"OPEN\":2", "\"RETURNED\":1", "\"state\":\"RETURNED\"");
    }
  }

  @Test
  void shouldRefuseCallersWithoutTheRightRoleAndBadRequestsWithTheField() throws Exception {
    Map<String, String> flat = harness.sharedConfig("custody-campaigns-it");
    CustodyConfig config = CustodyConfig.from(flat);
    NodeHarness.createTopics(config);
    try (CustodyNode node = harness.start(flat, "roles")) {
      int port = node.url().getPort();
      String lot = "{\"name\":\"n\",\"lot\":\"L\"}";
      assertThat(harness.post(port, "/v1/campaigns", null, lot).status()).isEqualTo(401);
      NodeHarness.Reply forbidden = harness.post(port, "/v1/campaigns", SECOPS, lot);
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(harness.post(port, "/v1/campaigns", AUDITOR, lot).status()).isEqualTo(403);
      assertThat(harness.await(port, "/v1/campaigns", r -> r.status() != 503).status())
          .isEqualTo(200);
      assertThat(harness.get(port, "/v1/campaigns", SECOPS).status()).isEqualTo(200);

      assertInvalid(port, "{\"lot\":\"L\"}", "/name");
      assertInvalid(port, "{\"name\":\"n\"}", "");
      assertInvalid(port, "{\"name\":\"n\",\"lot\":\"L\",\"supplier\":\"S\"}", "/supplier");
      assertInvalid(port, "{\"name\":\"n\",\"imageSha256\":\"abc\"}", "/imageSha256");
      assertInvalid(port, "{\"name\":\"n\",\"lot\":\"L\",\"createdBy\":\"x\"}", "/createdBy");
      assertThat(harness.post(port, "/v1/campaigns", RECALL, "{nope").status()).isEqualTo(400);
      // Until the streams run, the lot's owner is not known (503); then the lot is unknown.
      NodeHarness.Reply unknownLot =
          Eventually.await(
              () -> harness.post(port, "/v1/campaigns", RECALL, lot),
              r -> r.status() != 503,
              "an answer about lot L");
      assertThat(unknownLot.status()).as(unknownLot.body()).isEqualTo(404);
      assertThat(harness.get(port, "/v1/campaigns/none", RECALL).status()).isEqualTo(404);
      NodeHarness.Reply move =
          harness.post(port, "/v1/campaigns/none/devices/X", RECALL, "{\"state\":\"LOST\"}");
      assertThat(move.status()).isEqualTo(400);
      assertThat(move.body()).contains("\"field\":\"/state\"");
    }
  }

  private void assertInvalid(int port, String body, String field) {
    NodeHarness.Reply reply = harness.post(port, "/v1/campaigns", RECALL, body);
    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.body())
        .as(body)
        .contains("problems/invalid-request", "\"field\":\"" + field + "\"");
  }
}
