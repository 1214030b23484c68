package io.sealtrail.custody.hold;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.fixtures.NodeHarness;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The holds API over real HTTP on a custody node and an in-process broker: a LOT hold raises
 * HOLD_VIOLATION for the next event of a device built from the lot, is audited, shows in the
 * device's state, survives a restart onto empty state, and only the right roles may use it.
 */
class HoldsIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final String SECOPS = "secops-it";
  static final String RECALL = "recall-it";
  static final String LOT = "LOT-CAP-IT";
  static final String DEVICE = "GWX1-HOLD-1";
  static final String OTHER = "GWX1-HOLD-2";
  static final Pattern HOLD_ID = Pattern.compile("\"holdId\":\"([^\"]+)\"");

  @TempDir Path dir;
  private NodeHarness harness;

  @BeforeEach
  void harness() throws IOException {
    harness = new NodeHarness(KAFKA, dir, Map.of("secops", SECOPS, "recall", RECALL), RECALL);
  }

  @Test
  void shouldRaiseHoldViolationForADeviceOfAHeldLotAndKeepTheHoldAcrossARestart() throws Exception {
    Map<String, String> flat = harness.sharedConfig("custody-holds-it");
    CustodyConfig config = CustodyConfig.from(flat);
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    NodeHarness.createTopics(config);
    Instant before = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    harness.produce(
        config,
        assembled(DEVICE, before, component("CAP-1", LOT)),
        assembled(OTHER, before, component("CAP-1", "LOT-OTHER")));

    String holdId;
    try (CustodyNode node = harness.start(flat, "first")) {
      int port = node.url().getPort();
      harness.await(port, "/v1/serials/" + DEVICE, r -> r.status() == 200);

      NodeHarness.Reply placed =
          harness.post(
              port,
              "/v1/holds",
              SECOPS,
              "{\"kind\":\"LOT\",\"id\":\""
                  + LOT
                  + "\",\"reason\":\"bad caps\",\"alertId\":\"a-1\"}");
      assertThat(placed.status()).isEqualTo(201);
      assertThat(placed.body())
          .contains(
              "\"kind\":\"LOT\"",
              "\"id\":\"" + LOT + "\"",
              "\"reason\":\"bad caps\"",
              "\"alertId\":\"a-1\"",
              "\"status\":\"ACTIVE\"",
              "\"placedAt\":");
      holdId = holdIdOf(placed.body());
      String placedBy = NodeHarness.field(placed.body(), "placedBy");
      assertThat(placedBy).isNotBlank();

      harness.produce(
          config, sealApplied(DEVICE, "S-1", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      Violation violation = awaitViolation(config, DEVICE);
      assertThat(violation.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(violation.getAttributes())
          .containsEntry("holdId", holdId)
          .containsEntry("heldId", LOT)
          .containsEntry("holdAlertId", "a-1");
      assertThat(harness.get(port, "/v1/serials/" + DEVICE, RECALL).body()).contains(holdId);
      assertThat(harness.get(port, "/v1/serials/" + OTHER, RECALL).body()).contains("\"holds\":[]");
      assertThat(harness.get(port, "/v1/holds?kind=LOT&status=ACTIVE", RECALL).body())
          .contains(holdId);
      assertThat(harness.get(port, "/v1/holds?kind=SERIAL", RECALL).body())
          .isEqualTo("{\"holds\":[]}");

      List<String> audit = harness.awaitAudit(config, "hold:" + holdId, 1);
      assertThat(audit.get(0)).contains("hold.placed", "\"" + placedBy + "\"");
    }

    // A new instance on an empty state directory rebuilds the holds from the topic.
    try (CustodyNode node = harness.start(flat, "second")) {
      int port = node.url().getPort();
      NodeHarness.Reply shown = harness.await(port, "/v1/holds/" + holdId, r -> r.status() == 200);
      assertThat(shown.body()).contains("\"status\":\"ACTIVE\"", LOT);

      harness.produce(
          config, sealApplied(OTHER, "S-2", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      harness.await(port, "/v1/serials/" + OTHER, r -> r.body().contains("S-2"));
      harness.produce(
          config, sealChecked(DEVICE, "S-1", true, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      harness.await(port, "/v1/serials/" + DEVICE, r -> r.body().contains("SEAL_CHECKED"));
      // The violation commits with the state's task transaction: wait for it, not for the state.
      Eventually.await(() -> violationsOf(config, DEVICE), v -> v.size() == 2, "2 violations");
      assertThat(violationsOf(config, OTHER)).isEmpty();

      NodeHarness.Reply released =
          harness.post(port, "/v1/holds/" + holdId + "/release", SECOPS, "{\"reason\":\"ok\"}");
      assertThat(released.status()).isEqualTo(200);
      assertThat(released.body()).contains("\"status\":\"RELEASED\"", "\"releaseReason\":\"ok\"");
      NodeHarness.Reply again =
          harness.post(port, "/v1/holds/" + holdId + "/release", SECOPS, "{\"reason\":\"other\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body()).contains("problems/hold-released");
      assertThat(harness.awaitAudit(config, "hold:" + holdId, 2).get(1)).contains("hold.released");
    }
  }

  @Test
  void shouldRefuseCallersWithoutTheRightRoleAndBadRequestsWithTheField() throws Exception {
    Map<String, String> flat = harness.sharedConfig("custody-holds-it");
    CustodyConfig config = CustodyConfig.from(flat);
    NodeHarness.createTopics(config);
    try (CustodyNode node = harness.start(flat, "roles")) {
      int port = node.url().getPort();
      String lot = "{\"kind\":\"LOT\",\"id\":\"L\",\"reason\":\"r\"}";
      assertThat(harness.post(port, "/v1/holds", null, lot).status()).isEqualTo(401);
      assertThat(harness.post(port, "/v1/holds", "wrong", lot).status()).isEqualTo(401);
      NodeHarness.Reply forbidden = harness.post(port, "/v1/holds", RECALL, lot);
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.body()).contains("problems/forbidden");
      assertThat(harness.get(port, "/v1/holds", null).status()).isEqualTo(401);
      assertThat(harness.await(port, "/v1/holds", r -> r.status() != 503).status()).isEqualTo(200);
      assertThat(harness.post(port, "/v1/holds/x/release", RECALL, "{\"reason\":\"r\"}").status())
          .isEqualTo(403);

      assertInvalid(port, "{\"kind\":\"FIRMWARE\",\"id\":\"abc\",\"reason\":\"r\"}", "/id");
      assertInvalid(port, "{\"kind\":\"BATCH\",\"id\":\"L\",\"reason\":\"r\"}", "/kind");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":\"L\"}", "/reason");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":\"L\",\"reason\":\" \"}", "/reason");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":7,\"reason\":\"r\"}", "/id");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":\"L\",\"reason\":\"r\",\"by\":\"x\"}", "/by");
      assertInvalid(port, "[]", "");
      assertThat(harness.post(port, "/v1/holds", SECOPS, "{nope").status()).isEqualTo(400);
      NodeHarness.Reply unknown = harness.get(port, "/v1/holds/no-such-hold", SECOPS);
      assertThat(unknown.status()).isEqualTo(404);
      NodeHarness.Reply badFilter = harness.get(port, "/v1/holds?status=OPEN", SECOPS);
      assertThat(badFilter.status()).isEqualTo(400);
      assertThat(badFilter.body()).contains("\"field\":\"status\"");
      NodeHarness.Reply firmware =
          harness.post(
              port,
              "/v1/holds",
              SECOPS,
              "{\"kind\":\"FIRMWARE\",\"id\":\"" + "AB".repeat(32) + "\",\"reason\":\"r\"}");
      assertThat(firmware.status()).isEqualTo(201);
      assertThat(firmware.body()).contains("\"id\":\"" + "ab".repeat(32) + "\"");
    }
  }

  private void assertInvalid(int port, String body, String field) {
    NodeHarness.Reply reply = harness.post(port, "/v1/holds", SECOPS, body);
    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.body())
        .as(body)
        .contains("problems/invalid-request", "\"field\":\"" + field + "\"");
  }

  private Violation awaitViolation(CustodyConfig topics, String serial)
      throws InterruptedException {
    return Eventually.await(
            () -> violationsOf(topics, serial).stream().findFirst(),
            Optional::isPresent,
            "a HOLD_VIOLATION on " + serial)
        .orElseThrow();
  }

  /** The HOLD_VIOLATIONs of {@code serial} on the violations topic so far. */
  private List<Violation> violationsOf(CustodyConfig config, String serial) {
    CustodyTopics topics = NodeHarness.fresh(config);
    List<Violation> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            harness.consumerConfig(),
            new StringDeserializer(),
            topics.violations().valueSerde().deserializer())) {
      var partitions =
          consumer.partitionsFor(topics.violations().name()).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r -> {
                  if (r.value().getType() == AlertType.HOLD_VIOLATION
                      && r.value().getSerial().equals(serial)) {
                    found.add(r.value());
                  }
                });
      }
    }
    return found;
  }

  private static String holdIdOf(String body) {
    Matcher m = HOLD_ID.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  record Reply(int status, String body) {}
}
