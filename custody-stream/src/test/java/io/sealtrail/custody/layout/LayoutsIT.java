package io.sealtrail.custody.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.fixtures.CustodyEvents;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.LayoutFixture;
import io.sealtrail.custody.fixtures.NodeHarness;
import io.sealtrail.custody.fixtures.NodeHarness.Reply;
import io.sealtrail.custody.fixtures.TestDevice;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts API over real HTTP on two custody nodes of one application and an in-process broker:
 * a layout set through one is answered by the other, applies to events received after it on both
 * instances' partitions, not to a device whose events came before it, is audited, and only an admin
 * may set it, each mistake refused with its JSON pointer.
 */
class LayoutsIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final String ADMIN = "admin-it";
  static final String RECALL = "recall-it";
  static final String SECOPS = "secops-it";
  static final String PATH = "/v1/layouts/" + CustodyEvents.PRODUCT;
  static final int PARTITIONS = 2;

  @TempDir Path dir;

  @Test
  void shouldApplyALayoutSetThroughOneInstanceToLaterEventsOnEveryInstance() throws Exception {
    NodeHarness cluster =
        cluster("custody-layouts-it")
            .with("sealtrail.detect.grace", "PT2S")
            .createTopics(PARTITIONS);
    Instant early = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    LayoutLife before = life("GWX1-EARLY", early);
    cluster.produce(LayoutLife.release(early));
    cluster.produce(factory(before));

    try (CustodyNode a = cluster.start("a");
        CustodyNode b = cluster.start("b")) {
      Reply fallback = cluster.await(b.url(), PATH, RECALL, r -> r.status() == 200);
      assertThat(fallback.body()).contains("\"version\":0", "\"default\":true", "\"rules\":[");

      Reply set = cluster.send(a.url(), "PUT", PATH, ADMIN, LayoutFixture.FACTORY_LAYOUT);
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(set.body()).contains("\"version\":1", "\"changedBy\":", "\"name\":\"attest\"");
      cluster.await(b.url(), PATH, SECOPS, r -> r.body().contains("\"version\":1"));

      // Events received after the change, on serials of both partitions: both instances' tasks.
      Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      List<String> serials = serialsOnEveryPartition();
      for (String serial : serials) {
        cluster.produce(factory(life(serial, later)));
      }
      for (String serial : serials) {
        Violation v =
            Eventually.await(
                    () -> cluster.violations(AlertType.PROCESS_DEVIATION, serial),
                    found -> !found.isEmpty(),
                    "PROCESS_DEVIATION on " + serial)
                .get(0);
        assertThat(v.getAttributes())
            .containsEntry("layoutVersion", "1")
            .containsEntry("step", "seal")
            .containsEntry("skippedStep", "attest");
      }
      assertThat(cluster.violations(AlertType.PROCESS_DEVIATION, before.serial())).isEmpty();
      String audited = cluster.awaitAudit("layout:" + CustodyEvents.PRODUCT, 1).get(0);
      assertThat(audited).contains("layout.changed");
    }
  }

  @Test
  void shouldLetOnlyAnAdminSetALayoutAndRefuseEachMistakeAtItsPointer() throws Exception {
    NodeHarness cluster = cluster("custody-layouts-roles-it").createTopics(1);
    try (CustodyNode node = cluster.start("roles")) {
      String layout = LayoutFixture.FACTORY_LAYOUT;
      assertThat(cluster.await(node.url(), PATH, RECALL, r -> r.status() != 503).status())
          .isEqualTo(200);
      assertThat(cluster.get(node.url(), PATH, null).status()).isEqualTo(401);
      assertThat(cluster.send(node.url(), "PUT", PATH, null, layout).status()).isEqualTo(401);
      Reply forbidden = cluster.send(node.url(), "PUT", PATH, SECOPS, layout);
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.body()).contains("problems/forbidden");
      assertThat(cluster.send(node.url(), "PUT", PATH, RECALL, layout).status()).isEqualTo(403);

      Reply invalid =
          cluster.send(
              node.url(),
              "PUT",
              PATH,
              ADMIN,
              "{\"steps\":[{\"name\":\"a\",\"type\":\"ASSEMBLE\"}]}");
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(invalid.body()).contains("problems/invalid-layout", "\"field\":\"/steps/0/type\"");
      assertThat(cluster.send(node.url(), "PUT", PATH, ADMIN, "{\"steps\":").status())
          .isEqualTo(400);
      Reply badProduct = cluster.send(node.url(), "PUT", "/v1/layouts/%20p", ADMIN, layout);
      assertThat(badProduct.status()).isEqualTo(400);
      assertThat(badProduct.body()).contains("\"field\":\"product\"");

      assertThat(cluster.send(node.url(), "PUT", PATH, ADMIN, layout).status()).isEqualTo(200);
      Reply stale =
          cluster.send(
              node.url(), "PUT", PATH, ADMIN, layout.replaceFirst("\\{", "{\"version\":0,"));
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).contains("problems/version-conflict");
      Reply based =
          cluster.send(
              node.url(), "PUT", PATH, ADMIN, layout.replaceFirst("\\{", "{\"version\":1,"));
      assertThat(based.status()).isEqualTo(200);
      assertThat(based.body()).contains("\"version\":2");
      assertThat(cluster.get(node.url(), PATH, RECALL).body()).contains("\"version\":2");
    }
  }

  private NodeHarness cluster(String name) throws java.io.IOException {
    return new NodeHarness(
        KAFKA, dir, name, Map.of("admin", ADMIN, "recall", RECALL, "secops", SECOPS));
  }

  private static LayoutLife life(String serial, Instant start) {
    return new LayoutLife(serial, TestDevice.withNewKey(), start, Duration.ofSeconds(1));
  }

  /** The life's factory events, sealed before the attestation; no commissioning. */
  private static EventFixture[] factory(LayoutLife life) {
    return life.sealedUntested().subList(0, 5).toArray(EventFixture[]::new);
  }

  /** Two serials on each partition of the events topic (Kafka's default partitioner). */
  private static List<String> serialsOnEveryPartition() {
    List<String> serials = new ArrayList<>();
    int[] per = new int[PARTITIONS];
    for (int i = 0; serials.size() < 2 * PARTITIONS; i++) {
      String serial = "GWX1-LAYOUT-" + i;
      int p = Utils.toPositive(Utils.murmur2(serial.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      if (per[p] < 2) {
        per[p]++;
        serials.add(serial);
      }
    }
    return serials;
  }
}
