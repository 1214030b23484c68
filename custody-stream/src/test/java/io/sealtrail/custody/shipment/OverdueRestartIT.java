package io.sealtrail.custody.shipment;

import static io.sealtrail.custody.fixtures.CustodyEvents.componentReceived;
import static io.sealtrail.custody.fixtures.CustodyEvents.sealChecked;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overdue deadline survives a restart: one instance sees the shipping and stops before the
 * deadline; a new instance on an empty state directory restores the deadline from its changelog and
 * raises SHIPMENT_OVERDUE on the wall clock with no further traffic, once; a shipment received in
 * time raises nothing.
 */
class OverdueRestartIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final String LOST = "CRATE-IT-LOST";
  static final String DELIVERED = "CRATE-IT-OK";

  @TempDir Path dir;

  @Test
  void shouldRaiseShipmentOverdueOnceAfterRestartWhenNoFurtherTrafficArrives() throws Exception {
    Map<String, String> flat = sharedConfig();
    CustodyConfig config = CustodyConfig.from(flat);
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    Instant deadline;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      admin
          .createTopics(topics.all().stream().map(t -> t.newTopic(2, (short) 1)).toList())
          .all()
          .get();
    }
    try (CustodyNode first = start(flat, "first")) {
      // Running: a lot received now is folded.
      produce(config, componentReceived("LOT-IT-WARM", "CAP-1", Instant.now()));
      Eventually.await(
          () -> all(CustodyTopics::state, config),
          states -> states.stream().anyMatch(s -> s.getSerial().equals("LOT-IT-WARM")),
          "the first instance running");
      // Live shipments on the default lane (7 days), seen before their deadline, 8 s after the
      // lost one's seal is checked in transit now; after that nothing more arrives.
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      deadline = now.plusSeconds(8);
      Instant departure = deadline.minus(DetectionRules.DEFAULT_MAX_TRANSIT);
      produce(
          config,
          shipped(LOST, departure),
          shipped(DELIVERED, departure),
          received(DELIVERED, departure.plus(Duration.ofDays(2))),
          sealChecked(LOST, sealOf(LOST), true, now));
      Eventually.await(
          () -> all(CustodyTopics::state, config),
          states ->
              states.stream()
                      .anyMatch(
                          s ->
                              s.getSerial().equals(DELIVERED)
                                  && s.getStatus() == CustodyStatus.AT_SITE)
                  && states.stream().anyMatch(s -> s.getSerial().equals(LOST)),
          "both shipments folded");
    }
    assertThat(overdue(config)).as("before the deadline").isEmpty();
    Instant due = deadline;

    try (CustodyNode second = start(flat, "second")) {
      List<Violation> raised;
      try {
        raised = Eventually.await(() -> overdue(config), v -> !v.isEmpty(), "SHIPMENT_OVERDUE");
      } catch (AssertionError slowStart) {
        // The new instance restores its stores first; on a loaded machine that may take a while.
        raised = Eventually.await(() -> overdue(config), v -> !v.isEmpty(), "SHIPMENT_OVERDUE");
      }

      assertThat(raised)
          .singleElement()
          .satisfies(v -> assertThat(v.getSerial()).isEqualTo(LOST))
          .satisfies(v -> assertThat(v.getAttributes()).containsEntry("dueAt", due.toString()));
    }
  }

  private CustodyNode start(Map<String, String> shared, String name) throws Exception {
    Map<String, String> flat = new HashMap<>(shared);
    flat.put("state.dir", Files.createDirectories(dir.resolve(name)).toString());
    try (ServerSocket socket = new ServerSocket(0)) {
      flat.put("sealtrail.http.port", Integer.toString(socket.getLocalPort()));
    }
    flat.put("sealtrail.management.port", "0");
    return CustodyNode.start(CustodyConfig.from(flat));
  }

  private Map<String, String> sharedConfig() {
    Map<String, String> flat = new HashMap<>();
    flat.put("application.id", EmbeddedKafka.uniqueName("custody-overdue-it"));
    flat.put("bootstrap.servers", KAFKA.bootstrapServers());
    flat.put("schema.registry.url", "mock://" + EmbeddedKafka.uniqueName("registry"));
    flat.put("num.standby.replicas", "0");
    flat.put("errors.dead.letter.queue.topic.name", EmbeddedKafka.uniqueName("dlq"));
    for (String id : CustodyConfig.TOPIC_IDS) {
      flat.put("sealtrail.topics." + id, EmbeddedKafka.uniqueName(id));
    }
    flat.put("sealtrail.tokens.dir", dir.toString());
    flat.put("sealtrail.detect.grace", "PT1S");
    return flat;
  }

  /** Produces {@code events} with a fresh serde: closing a producer closes its serializer. */
  private static void produce(CustodyConfig config, EventFixture... events) throws Exception {
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", KAFKA.bootstrapServers()),
            new StringSerializer(),
            topics.events().valueSerde().serializer())) {
      for (EventFixture e : events) {
        producer.send(new ProducerRecord<>(topics.events().name(), e.serial(), e.build())).get();
      }
    }
  }

  private static List<Violation> overdue(CustodyConfig config) {
    return all(CustodyTopics::violations, config).stream()
        .filter(v -> v.getType() == AlertType.SHIPMENT_OVERDUE)
        .toList();
  }

  /**
   * Every committed record of {@code which} topic so far, read with a fresh serde: closing a
   * consumer closes its deserializer.
   */
  private static <V> List<V> all(Function<CustodyTopics, Topic<V>> which, CustodyConfig config) {
    Topic<V> topic = which.apply(CustodyTopics.from(config, config.serdeConfig()));
    List<V> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                "bootstrap.servers",
                KAFKA.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> found.add(r.value()));
      }
    }
    return found;
  }
}
