package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.registry.fixtures.Shipment;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.testing.TestRegistries;
import io.sealtrail.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The serdes inside real producers and consumers, against the embedded registry. */
@Timeout(120)
class KafkaAvroSerdeIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private SchemaRegistryServer registry;
  private String topic;

  @BeforeEach
  void startRegistry() {
    registry = TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"));
    topic = EmbeddedKafka.uniqueName("shipments");
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldConsumeWhatWasProducedWhenBothUseTheRegistry() throws Exception {
    try (KafkaProducer<String, Shipment> producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), serde().serializer())) {
      producer
          .send(new ProducerRecord<>(topic, "S-1", AvroSerdeTest.shipment("S-1")))
          .get(30, TimeUnit.SECONDS);
    }

    try (KafkaConsumer<String, Shipment> consumer =
        new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), serde().deserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      ConsumerRecords<String, Shipment> records = pollUntilAny(consumer);

      assertThat(records.iterator().next().value()).isEqualTo(AvroSerdeTest.shipment("S-1"));
    }
  }

  @Test
  void shouldNameTopicPartitionAndOffsetWhenMagicByteIsWrong() throws Exception {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(Map.of("schema.registry.url", registry.url().toString()), false);
    String valid = HexFormat.of().formatHex(serializer.serialize(topic, "readable"));
    produceRaw(valid, "05000000010a");

    assertThatThrownBy(this::consumeOne)
        .isInstanceOfSatisfying(
            RecordDeserializationException.class,
            e -> {
              assertThat(e.topicPartition()).isEqualTo(new TopicPartition(topic, 0));
              assertThat(e.offset()).isEqualTo(1);
            })
        .hasMessageContaining(topic + "-0 at offset 1")
        .hasRootCauseInstanceOf(SerializationException.class)
        .rootCause()
        .hasMessage("Unknown magic byte! Expected 0 in the payload, got 5");
  }

  @Test
  void shouldNameTopicPartitionOffsetAndIdWhenSchemaIdIsUnknown() throws Exception {
    produceRaw("000000007b02", "0a");

    assertThatThrownBy(this::consumeOne)
        .isInstanceOfSatisfying(
            RecordDeserializationException.class,
            e -> {
              assertThat(e.topicPartition()).isEqualTo(new TopicPartition(topic, 0));
              assertThat(e.offset()).isZero();
            })
        .hasMessageContaining(topic + "-0 at offset 0")
        .cause()
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Error retrieving Avro schema: schema id 123 not found at "
                + registry.url()
                + " (Schema 123 not found, error_code 40403)");
  }

  private void produceRaw(String... hexValues) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String hex : hexValues) {
        producer
            .send(new ProducerRecord<>(topic, 0, null, HexFormat.of().parseHex(hex)))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Reads from offset 0 until the deserializer throws or the record at offset 1 arrives. */
  private void consumeOne() {
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(
            consumerConfig(), new StringDeserializer(), configured(new KafkaAvroDeserializer()))) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      while (true) {
        for (var record : pollUntilAny(consumer)) {
          if (record.offset() == 1) {
            return;
          }
        }
      }
    }
  }

  private static <K, V> ConsumerRecords<K, V> pollUntilAny(KafkaConsumer<K, V> consumer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      ConsumerRecords<K, V> records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) {
        return records;
      }
    }
    throw new AssertionError("no record within 30 s");
  }

  private SpecificAvroSerde<Shipment> serde() {
    SpecificAvroSerde<Shipment> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", registry.url().toString()), false);
    return serde;
  }

  private KafkaAvroDeserializer configured(KafkaAvroDeserializer deserializer) {
    deserializer.configure(Map.of("schema.registry.url", registry.url().toString()), false);
    return deserializer;
  }

  private Map<String, Object> producerConfig() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
  }

  private Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        KAFKA.bootstrapServers(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest");
  }
}
