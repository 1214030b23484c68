package io.sealtrail.custody.hold;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void shouldRaiseHoldViolationForADeviceOfAHeldLotAndKeepTheHoldAcrossARestart() throws Exception {
    Map<String, String> flat = sharedConfig();
    CustodyConfig config = CustodyConfig.from(flat);
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    createTopics(config, topics);
    Instant before = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
    produce(
        config,
        assembled(DEVICE, before, component("CAP-1", LOT)),
        assembled(OTHER, before, component("CAP-1", "LOT-OTHER")));

    String holdId;
    try (CustodyNode node = start(flat, "first")) {
      int port = node.url().getPort();
      await(port, "/v1/serials/" + DEVICE, r -> r.status() == 200);

      Reply placed =
          post(
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
      String placedBy = field(placed.body(), "placedBy");
      assertThat(placedBy).isNotBlank();

      produce(config, sealApplied(DEVICE, "S-1", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      Violation violation = awaitViolation(config, DEVICE);
      assertThat(violation.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(violation.getAttributes())
          .containsEntry("holdId", holdId)
          .containsEntry("heldId", LOT)
          .containsEntry("holdAlertId", "a-1");
      assertThat(get(port, "/v1/serials/" + DEVICE, RECALL).body()).contains(holdId);
      assertThat(get(port, "/v1/serials/" + OTHER, RECALL).body()).contains("\"holds\":[]");
      assertThat(get(port, "/v1/holds?kind=LOT&status=ACTIVE", RECALL).body()).contains(holdId);
      assertThat(get(port, "/v1/holds?kind=SERIAL", RECALL).body()).isEqualTo("{\"holds\":[]}");

      List<String> audit = awaitAudit(config, "hold:" + holdId, 1);
      assertThat(audit.get(0)).contains("hold.placed", "\"" + placedBy + "\"");
    }

    // A new instance on an empty state directory rebuilds the holds from the topic.
    try (CustodyNode node = start(flat, "second")) {
      int port = node.url().getPort();
      Reply shown = await(port, "/v1/holds/" + holdId, r -> r.status() == 200);
      assertThat(shown.body()).contains("\"status\":\"ACTIVE\"", LOT);

      produce(config, sealApplied(OTHER, "S-2", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      await(port, "/v1/serials/" + OTHER, r -> r.body().contains("S-2"));
      produce(
          config, sealChecked(DEVICE, "S-1", true, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      await(port, "/v1/serials/" + DEVICE, r -> r.body().contains("SEAL_CHECKED"));
      // The violation commits with the state's task transaction: wait for it, not for the state.
      Eventually.await(() -> violationsOf(config, DEVICE), v -> v.size() == 2, "2 violations");
      assertThat(violationsOf(config, OTHER)).isEmpty();

      Reply released =
          post(port, "/v1/holds/" + holdId + "/release", SECOPS, "{\"reason\":\"ok\"}");
      assertThat(released.status()).isEqualTo(200);
      assertThat(released.body()).contains("\"status\":\"RELEASED\"", "\"releaseReason\":\"ok\"");
      Reply again =
          post(port, "/v1/holds/" + holdId + "/release", SECOPS, "{\"reason\":\"other\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body()).contains("problems/hold-released");
      assertThat(awaitAudit(config, "hold:" + holdId, 2).get(1)).contains("hold.released");
    }
  }

  @Test
  void shouldRefuseCallersWithoutTheRightRoleAndBadRequestsWithTheField() throws Exception {
    Map<String, String> flat = sharedConfig();
    CustodyConfig config = CustodyConfig.from(flat);
    createTopics(config, CustodyTopics.from(config, config.serdeConfig()));
    try (CustodyNode node = start(flat, "roles")) {
      int port = node.url().getPort();
      String lot = "{\"kind\":\"LOT\",\"id\":\"L\",\"reason\":\"r\"}";
      assertThat(post(port, "/v1/holds", null, lot).status()).isEqualTo(401);
      assertThat(post(port, "/v1/holds", "wrong", lot).status()).isEqualTo(401);
      Reply forbidden = post(port, "/v1/holds", RECALL, lot);
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.body()).contains("problems/forbidden");
      assertThat(get(port, "/v1/holds", null).status()).isEqualTo(401);
      assertThat(await(port, "/v1/holds", r -> r.status() != 503).status()).isEqualTo(200);
      assertThat(post(port, "/v1/holds/x/release", RECALL, "{\"reason\":\"r\"}").status())
          .isEqualTo(403);

      assertInvalid(port, "{\"kind\":\"FIRMWARE\",\"id\":\"abc\",\"reason\":\"r\"}", "/id");
      assertInvalid(port, "{\"kind\":\"BATCH\",\"id\":\"L\",\"reason\":\"r\"}", "/kind");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":\"L\"}", "/reason");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":\"L\",\"reason\":\" \"}", "/reason");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":7,\"reason\":\"r\"}", "/id");
      assertInvalid(port, "{\"kind\":\"LOT\",\"id\":\"L\",\"reason\":\"r\",\"by\":\"x\"}", "/by");
      assertInvalid(port, "[]", "");
      assertThat(post(port, "/v1/holds", SECOPS, "{nope").status()).isEqualTo(400);
      Reply unknown = get(port, "/v1/holds/no-such-hold", SECOPS);
      assertThat(unknown.status()).isEqualTo(404);
      Reply badFilter = get(port, "/v1/holds?status=OPEN", SECOPS);
      assertThat(badFilter.status()).isEqualTo(400);
      assertThat(badFilter.body()).contains("\"field\":\"status\"");
      Reply firmware =
          post(
              port,
              "/v1/holds",
              SECOPS,
              "{\"kind\":\"FIRMWARE\",\"id\":\"" + "AB".repeat(32) + "\",\"reason\":\"r\"}");
      assertThat(firmware.status()).isEqualTo(201);
      assertThat(firmware.body()).contains("\"id\":\"" + "ab".repeat(32) + "\"");
    }
  }

  private void assertInvalid(int port, String body, String field) {
    Reply reply = post(port, "/v1/holds", SECOPS, body);
    assertThat(reply.status()).as(body).isEqualTo(400);
    assertThat(reply.body())
        .as(body)
        .contains("problems/invalid-request", "\"field\":\"" + field + "\"");
  }

  private CustodyNode start(Map<String, String> shared, String name) throws IOException {
    Map<String, String> flat = new HashMap<>(shared);
    flat.put("state.dir", Files.createDirectories(dir.resolve(name)).toString());
    flat.put("sealtrail.http.port", Integer.toString(freePort()));
    flat.put("sealtrail.management.port", "0");
    return CustodyNode.start(CustodyConfig.from(flat));
  }

  private Map<String, String> sharedConfig() throws IOException {
    Files.writeString(dir.resolve("secops.token"), SECOPS);
    Files.writeString(dir.resolve("recall.token"), RECALL);
    Map<String, String> flat = new HashMap<>();
    flat.put("application.id", EmbeddedKafka.uniqueName("custody-holds-it"));
    flat.put("bootstrap.servers", KAFKA.bootstrapServers());
    flat.put("schema.registry.url", "mock://" + EmbeddedKafka.uniqueName("registry"));
    flat.put("num.standby.replicas", "0");
    flat.put("errors.dead.letter.queue.topic.name", EmbeddedKafka.uniqueName("dlq"));
    for (String id : CustodyConfig.TOPIC_IDS) {
      flat.put("sealtrail.topics." + id, EmbeddedKafka.uniqueName(id));
    }
    flat.put("sealtrail.tokens.dir", dir.toString());
    return flat;
  }

  private static void createTopics(CustodyConfig config, CustodyTopics topics) throws Exception {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", config.streams().bootstrapServers()))) {
      admin
          .createTopics(topics.all().stream().map(t -> t.newTopic(2, (short) 1)).toList())
          .all()
          .get();
    }
  }

  private static void produce(CustodyConfig config, EventFixture... events) throws Exception {
    try (var producer =
        new KafkaProducer<String, VerifiedEvent>(
            Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
            new StringSerializer(),
            fresh(config).events().valueSerde().serializer())) {
      for (EventFixture e : events) {
        producer
            .send(new ProducerRecord<>(fresh(config).events().name(), e.serial(), e.build()))
            .get();
      }
    }
  }

  private static Violation awaitViolation(CustodyConfig topics, String serial)
      throws InterruptedException {
    return Eventually.await(
            () -> violationsOf(topics, serial).stream().findFirst(),
            Optional::isPresent,
            "a HOLD_VIOLATION on " + serial)
        .orElseThrow();
  }

  /** The HOLD_VIOLATIONs of {@code serial} on the violations topic so far. */
  private static List<Violation> violationsOf(CustodyConfig config, String serial) {
    CustodyTopics topics = fresh(config);
    List<Violation> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            consumerConfig(),
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

  /** The audit entries about {@code target}, once there are {@code count}. */
  private static List<String> awaitAudit(CustodyConfig config, String target, int count)
      throws InterruptedException {
    return Eventually.await(
        () -> {
          CustodyTopics topics = fresh(config);
          List<String> entries = new ArrayList<>();
          try (var consumer =
              new KafkaConsumer<>(
                  consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions =
                consumer.partitionsFor(topics.auditActions().name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
              consumer
                  .poll(Duration.ofMillis(200))
                  .forEach(
                      r -> {
                        if (target.equals(r.key())) {
                          entries.add(new String(r.value(), StandardCharsets.UTF_8));
                        }
                      });
            }
          }
          return entries;
        },
        entries -> entries.size() >= count,
        count + " audit entries on " + target);
  }

  /** The topics with serdes of their own: closing a client closes its serde. */
  private static CustodyTopics fresh(CustodyConfig config) {
    return CustodyTopics.from(config, config.serdeConfig());
  }

  private static Map<String, Object> consumerConfig() {
    return Map.of(
        "bootstrap.servers",
        KAFKA.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest");
  }

  private Reply await(int port, String path, java.util.function.Predicate<Reply> until)
      throws InterruptedException {
    return Eventually.await(() -> get(port, path, RECALL), until, path + " on " + port);
  }

  private static String holdIdOf(String body) {
    Matcher m = HOLD_ID.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  private static String field(String body, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  record Reply(int status, String body) {}

  private Reply get(int port, String path, String token) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    return send(token == null ? request : request.header("Authorization", "Bearer " + token));
  }

  private Reply post(int port, String path, String token, String body) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(token == null ? request : request.header("Authorization", "Bearer " + token));
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      var response =
          http.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
