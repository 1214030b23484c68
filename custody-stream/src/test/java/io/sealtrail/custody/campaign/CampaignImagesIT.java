package io.sealtrail.custody.campaign;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.fixtures.NodeHarness;
import io.sealtrail.custody.fixtures.NodeHarness.Reply;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign on a firmware image with two custody instances: the firmware inventory is partitioned
 * by product, and two products running the same image are held by different instances. Created on
 * either instance, the campaign covers the devices of both.
 */
class CampaignImagesIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final String RECALL = "recall-campaign-images-it";
  static final int PARTITIONS = 2;
  static final String VERSION = "7.7.7";
  static final String PRODUCT_A = "gateway-x1";
  static final String PRODUCT_B = productOnTheOtherPartition(PRODUCT_A);
  static final String DEVICE_A = "GWX1-IMG-A";
  static final String DEVICE_B = "GWX9-IMG-B";

  @TempDir Path dir;

  @Test
  void shouldCoverTheDevicesOfEveryInstanceWhenACampaignIsCreatedFromAnImage() throws Exception {
    NodeHarness cluster =
        new NodeHarness(KAFKA, dir, "custody-campaign-images-it", Map.of("recall", RECALL))
            .createTopics(PARTITIONS);
    Instant at = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    cluster.produce(
        released(VERSION, at.minus(Duration.ofDays(1))),
        assembled(DEVICE_A, at, component("CAP-1", "LOT-IMG")),
        assembled(DEVICE_B, at, component("CAP-1", "LOT-IMG")),
        flashed(DEVICE_A, PRODUCT_A, VERSION, at.plusSeconds(60)),
        flashed(DEVICE_B, PRODUCT_B, VERSION, at.plusSeconds(60)));
    String image = imageOf(VERSION);
    String part = "/v1/campaigns/images/" + image + "/devices";

    try (CustodyNode a = cluster.start("a");
        CustodyNode b = cluster.start("b")) {
      // Each instance's own part (asked as another instance would): one product each, once the
      // two instances share the partitions.
      Eventually.await(
          () -> ownPart(cluster, a.url(), part) + " | " + ownPart(cluster, b.url(), part),
          parts ->
              parts.equals("[\"" + DEVICE_A + "\"] | [\"" + DEVICE_B + "\"]")
                  || parts.equals("[\"" + DEVICE_B + "\"] | [\"" + DEVICE_A + "\"]"),
          "each instance holding one product's inventory");

      for (CustodyNode node : new CustodyNode[] {a, b}) {
        Reply gathered = cluster.get(node.url(), part, RECALL);
        assertThat(gathered.status()).as(gathered.body()).isEqualTo(200);
        assertThat(gathered.body()).contains(DEVICE_A, DEVICE_B);

        Reply created =
            cluster.send(
                node.url(),
                "POST",
                "/v1/campaigns",
                RECALL,
                "{\"name\":\"image recall\",\"imageSha256\":\"" + image + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body())
            .contains("\"scope\":\"IMAGE\"", "\"deviceCount\":2", DEVICE_A, DEVICE_B);
      }
    }
  }

  private static String ownPart(NodeHarness cluster, URI node, String path) {
    Reply reply = cluster.send(node, "GET", path, RECALL, "", Map.of(Forwarder.FORWARDED, "1"));
    if (reply.status() != 200) {
      return "status " + reply.status();
    }
    int at = reply.body().indexOf("\"devices\":");
    return at < 0
        ? reply.body()
        : reply.body().substring(at + 10, reply.body().indexOf(']', at) + 1);
  }

  /** A product name whose inventory lands on the other partition than {@code product}'s. */
  private static String productOnTheOtherPartition(String product) {
    int taken = partitionOf(product);
    for (int i = 0; ; i++) {
      String other = "gateway-x" + (i + 2);
      if (partitionOf(other) != taken) {
        return other;
      }
    }
  }

  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }
}
