package io.sealtrail.custody;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two custody-stream instances in one application on a real broker: every serial is answered
 * through either instance, and by the survivor with the same state when the other stops.
 */
class FailoverIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String TOKEN = "recall-it";
  // Each serial's last event; until it is folded the state is not the one to compare.
  static final String SEALED = "\"status\":\"SEALED\"";
  static final List<String> SERIALS = IntStream.range(0, 8).mapToObj(i -> "GWX1-IT-" + i).toList();

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void shouldAnswerEverySerialThroughEitherInstanceAndAfterOneStops() throws Exception {
    Map<String, String> flat = withLivesProduced(sharedConfig());
    CustodyNode first = start(flat, "a");
    int firstPort = first.url().getPort();
    try (CustodyNode second = start(flat, "b")) {
      int secondPort = second.url().getPort();
      Map<String, String> answers = new HashMap<>();
      for (String serial : SERIALS) {
        String viaFirst = awaitOk(firstPort, serial, new ArrayList<>());
        assertThat(awaitOk(secondPort, serial, new ArrayList<>())).isEqualTo(viaFirst);
        answers.put(serial, viaFirst);
      }

      first.close();

      List<Reply> notYet = new ArrayList<>();
      for (String serial : SERIALS) {
        assertThat(awaitOk(secondPort, serial, notYet)).isEqualTo(answers.get(serial));
      }
      assertThat(notYet)
          .allSatisfy(
              r -> {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.retryAfter()).isNotNull();
              });
    } finally {
      first.close();
    }
  }

  @Test
  void shouldServeItsStreamsMetricsAtPrometheusWhenRunAlone() throws Exception {
    Map<String, String> flat = withLivesProduced(sharedConfig());
    try (CustodyNode alone = start(flat, "alone")) {
      awaitOk(alone.url().getPort(), SERIALS.get(0), new ArrayList<>());

      var metrics =
          http.send(
              HttpRequest.newBuilder(alone.managementUrl().orElseThrow().resolve("/prometheus"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("kafka_stream_thread_process_total", flat.get("application.id"));
    }
  }

  private CustodyNode start(Map<String, String> shared, String name) throws IOException {
    Map<String, String> flat = new HashMap<>(shared);
    flat.put("state.dir", Files.createDirectories(dir.resolve(name)).toString());
    flat.put("sealtrail.http.port", Integer.toString(freePort()));
    flat.put("sealtrail.management.port", "0");
    return CustodyNode.start(CustodyConfig.from(flat));
  }

  /** {@code flat}, after its topics were created and every serial's life produced to them. */
  private static Map<String, String> withLivesProduced(Map<String, String> flat) throws Exception {
    CustodyConfig config = CustodyConfig.from(flat);
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    createTopics(config, topics);
    produce(config, topics);
    return flat;
  }

  private Map<String, String> sharedConfig() throws IOException {
    Files.writeString(dir.resolve("recall.token"), TOKEN);
    Map<String, String> flat = new HashMap<>();
    flat.put("application.id", EmbeddedKafka.uniqueName("custody-it"));
    flat.put("bootstrap.servers", KAFKA.bootstrapServers());
    flat.put("schema.registry.url", "mock://" + EmbeddedKafka.uniqueName("registry"));
    flat.put("num.standby.replicas", "1");
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
          .createTopics(topics.all().stream().map(t -> t.newTopic(4, (short) 1)).toList())
          .all()
          .get();
    }
  }

  private static void produce(CustodyConfig config, CustodyTopics topics) throws Exception {
    try (var producer =
        new KafkaProducer<String, VerifiedEvent>(
            Map.of("bootstrap.servers", config.streams().bootstrapServers()),
            new StringSerializer(),
            topics.events().valueSerde().serializer())) {
      for (String serial : SERIALS) {
        for (EventFixture e : lifeOf(serial)) {
          producer.send(new ProducerRecord<>(topics.events().name(), e.serial(), e.build())).get();
        }
      }
    }
  }

  private static List<EventFixture> lifeOf(String serial) {
    return List.of(
        assembled(serial, T0, component("CPU-A53", "LOT-IT")),
        sealApplied(serial, "SEAL-" + serial, T0.plusSeconds(60)));
  }

  /** The first 200 body with every event folded for {@code serial}; non-200 answers kept. */
  private String awaitOk(int port, String serial, List<Reply> others) throws InterruptedException {
    return Eventually.await(
            () -> get(port, "/v1/serials/" + serial),
            r -> (r.status() == 200 && r.body().contains(SEALED)) || !others.add(r),
            "a 200 for " + serial + " on " + port)
        .body();
  }

  /** An answer as the test looks at it. */
  record Reply(int status, String retryAfter, String body) {}

  private Reply get(int port, String path) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(15))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body());
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
