package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.OCCURRED;
import static io.sealtrail.ingest.http.Fixtures.event;
import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.outcome.OutcomeStatus;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.ingest.testing.TopicReader;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kafka-native partner as the README describes it (ADR 11): it produces with a plain {@link
 * KafkaProducer} to custody.inbound and learns each outcome from its own topic only, matching them
 * by the {@code source} its producer's {@link RecordMetadata} names.
 */
class KafkaNativePartnerIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final Fixtures FIX = new Fixtures();
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("native"), FIX.all(), Map.of());
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldFindTheAcceptedAndTheRejectedSubmissionOnItsOwnOutcomeTopic() throws Exception {
    String inbound = rig.topics().inbound();
    String good = "kn-" + UUID.randomUUID();
    String bad = "kn-" + UUID.randomUUID();
    RecordMetadata accepted;
    RecordMetadata rejected;
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      accepted =
          producer
              .send(
                  new ProducerRecord<>(
                      inbound, "DEV-1", signed(seal(good, "acme", "S-1"), FIX.acmeKey)))
              .get();
      rejected =
          producer
              .send(
                  new ProducerRecord<>(
                      inbound,
                      "DEV-2",
                      signed(event(bad, "SEAL_APPLIED", "acme", "f", OCCURRED, "{}"), FIX.acmeKey)))
              .get();
      // Another partner's submission: never on acme's topic.
      producer
          .send(
              new ProducerRecord<>(
                  inbound, "DEV-3", signed(seal("sited-" + good, "sited", "S-3"), FIX.sitedKey)))
          .get();
    }

    List<PartnerOutcome> outcomes = readOwnTopic("acme", 2);

    PartnerOutcome first = bySource(outcomes, inbound, accepted);
    assertThat(first.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
    assertThat(first.getEventId()).isEqualTo(good);
    assertThat(first.getChannel()).isEqualTo(SubmissionChannel.KAFKA);
    assertThat(first.getPayloadSha256()).hasSize(64);
    assertThat(eventAt(first.getPartition(), first.getOffset()).getEvent().getEventId())
        .isEqualTo(good);
    PartnerOutcome second = bySource(outcomes, inbound, rejected);
    assertThat(second.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(second.getEventId()).isEqualTo(bad);
    assertThat(second.getReason()).isEqualTo("SCHEMA_VIOLATION");
    assertThat(second.getField()).isEqualTo("/payload/detail/sealId");
    assertThat(second.getDetail()).isNotBlank();
    assertThat(second.getPartition()).isNull();
    assertThat(outcomes).extracting(PartnerOutcome::getEventId).doesNotContain("sited-" + good);
    assertThat(readOwnTopic("sited", 1))
        .extracting(PartnerOutcome::getEventId)
        .contains("sited-" + good);
  }

  /** Subscribes as the partner does, in a group prefixed by its id, until {@code count} arrived. */
  private static List<PartnerOutcome> readOwnTopic(String partnerId, int count)
      throws InterruptedException {
    String topic = rig.topics().outcomes() + "." + partnerId;
    List<PartnerOutcome> outcomes = new ArrayList<>();
    try (var serde = new SpecificAvroSerde<>(PartnerOutcome.class);
        var consumer =
            new KafkaConsumer<>(
                Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KAFKA.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG,
                    partnerId + ".outcomes-" + UUID.randomUUID(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest"),
                new StringDeserializer(),
                serde.deserializer())) {
      serde.configure(rig.serdeConfig(), false);
      consumer.subscribe(List.of(topic));
      Eventually.await(
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> outcomes.add(r.value()));
            return outcomes.size();
          },
          size -> size >= count,
          count + " outcomes on " + topic);
    }
    return outcomes;
  }

  private static PartnerOutcome bySource(
      List<PartnerOutcome> outcomes, String inbound, RecordMetadata sent) {
    String source = inbound + "-" + sent.partition() + "@" + sent.offset();
    return outcomes.stream()
        .filter(o -> source.equals(o.getSource()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome from " + source + " in " + outcomes));
  }

  private static VerifiedEvent eventAt(int partition, long offset) {
    try (var serde = new SpecificAvroSerde<>(VerifiedEvent.class)) {
      serde.configure(rig.serdeConfig(), false);
      var record =
          TopicReader.committed(KAFKA.bootstrapServers(), rig.topics().events()).stream()
              .filter(r -> r.partition() == partition && r.offset() == offset)
              .findFirst()
              .orElseThrow();
      return serde.deserializer().deserialize(record.topic(), record.value());
    }
  }
}
