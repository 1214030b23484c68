package io.sealtrail.registry.server;

import static io.sealtrail.registry.testing.RestCalls.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.LogRecord;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.core.SchemaVersion;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.TestRegistries;
import io.sealtrail.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** State kept in the compacted topic: restarts lose nothing, records are Confluent's. */
@Timeout(120)
class RegistryPersistenceIT {
  private static final String V1 =
      schemaBody(
          "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}]}");
  private static final String V2 =
      schemaBody(
          "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\",\"default\":\"x\"}]}");
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @Test
  void shouldKeepIdsVersionsAndConfigsWhenRestartedOnSameTopic() {
    String topic = EmbeddedKafka.uniqueName("_schemas");
    List<String> paths =
        List.of(
            "/subjects?deleted=true",
            "/subjects/a-value/versions?deleted=true",
            "/subjects/a-value/versions/2",
            "/subjects/b-value/versions/1",
            "/schemas/ids/1",
            "/schemas/ids/2",
            "/config",
            "/config/b-value");
    List<RestCalls.Answer> before = new ArrayList<>();
    try (SchemaRegistryServer server = TestRegistries.start(KAFKA, topic)) {
      RestCalls rest = new RestCalls(server.url());
      rest.post("/subjects/a-value/versions", V1);
      rest.post("/subjects/a-value/versions", V2);
      rest.post("/subjects/b-value/versions", V2);
      rest.delete("/subjects/a-value/versions/1");
      rest.put("/config", "{\"compatibility\":\"FULL\"}");
      rest.put("/config/b-value", "{\"compatibility\":\"NONE\"}");
      paths.forEach(p -> before.add(rest.get(p)));
    }

    try (SchemaRegistryServer restarted = TestRegistries.start(KAFKA, topic)) {
      RestCalls rest = new RestCalls(restarted.url());

      assertThat(paths.stream().map(rest::get).toList()).isEqualTo(before);
      assertThat(
              rest.post("/subjects/c-value/versions", schemaBody("\"long\""))
                  .body()
                  .path("id")
                  .asInt())
          .isEqualTo(3);
      assertThat(rest.get("/subjects/a-value/versions").body().toString()).isEqualTo("[2]");
    }
  }

  @Test
  void shouldReplaySoftAndHardSubjectDeletesWhenRestarted() {
    String topic = EmbeddedKafka.uniqueName("_schemas");
    List<String> paths =
        List.of(
            "/subjects?deleted=true",
            "/subjects/a-value/versions?deleted=true",
            "/subjects/b-value/versions?deleted=true",
            "/subjects/b-value/versions/1?deleted=true",
            "/schemas/ids/1",
            "/schemas/ids/3");
    List<RestCalls.Answer> before = new ArrayList<>();
    try (SchemaRegistryServer server = TestRegistries.start(KAFKA, topic)) {
      RestCalls rest = new RestCalls(server.url());
      rest.post("/subjects/a-value/versions", V1);
      rest.post("/subjects/a-value/versions", V2);
      rest.post("/subjects/b-value/versions", schemaBody("\"long\""));
      rest.delete("/subjects/a-value");
      rest.delete("/subjects/a-value?permanent=true");
      rest.delete("/subjects/b-value");
      paths.forEach(p -> before.add(rest.get(p)));
    }

    try (SchemaRegistryServer restarted = TestRegistries.start(KAFKA, topic)) {
      RestCalls rest = new RestCalls(restarted.url());

      assertThat(paths.stream().map(rest::get).toList()).isEqualTo(before);
      assertThat(before.get(0).body().toString()).isEqualTo("[\"b-value\"]");
      assertThat(before.get(1).errorCode()).isEqualTo(40401);
      assertThat(before.get(3).body().path("deleted").asBoolean()).isTrue();
      assertThat(before.get(4).errorCode()).isEqualTo(40403);
      assertThat(rest.get("/subjects/b-value/versions").errorCode()).isEqualTo(40401);
    }
  }

  @Test
  void shouldCreateSingleCompactedPartitionWhenTopicIsMissing() throws Exception {
    String topic = EmbeddedKafka.uniqueName("_schemas");

    try (SchemaRegistryServer server = TestRegistries.start(KAFKA, topic);
        Admin admin = admin()) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      String policy =
          admin
              .describeConfigs(Set.of(resource))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(resource)
              .get("cleanup.policy")
              .value();
      int partitions =
          admin
              .describeTopics(Set.of(topic))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .size();

      assertThat(policy)
          .as("cleanup.policy of the topic behind %s", server.url())
          .isEqualTo("compact");
      assertThat(partitions).isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseToStartWhenTopicIsNotCompacted() throws Exception {
    String topic = EmbeddedKafka.uniqueName("_schemas");
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestRegistries.start(KAFKA, topic))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Schema topic "
                + topic
                + " must have cleanup.policy=compact, it has delete: retention would lose schemas");
  }

  @Test
  void shouldWriteConfluentKeysAndValuesWhenRegistering() {
    String topic = EmbeddedKafka.uniqueName("_schemas");
    try (SchemaRegistryServer server = TestRegistries.start(KAFKA, topic)) {
      new RestCalls(server.url())
          .post("/subjects/Kafka-key/versions", schemaBody("{\"type\": \"string\"}"));
    }

    List<String> records = readAll(topic);

    assertThat(records)
        .containsExactly(
            "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-key\",\"version\":1,\"magic\":1} -> "
                + "{\"subject\":\"Kafka-key\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
  }

  @Test
  void shouldNotReuseIdWhenRecordLandsJustBeforeRegister() throws Exception {
    String topic = EmbeddedKafka.uniqueName("_schemas");
    TestRegistries.start(KAFKA, topic).close(); // creates the topic
    try (SchemaRegistryCore core =
            SchemaRegistryCore.open(
                CompatibilityLevel.NONE,
                apply ->
                    KafkaRegistryLog.open(
                        KAFKA.bootstrapServers(),
                        topic,
                        slowReader(apply),
                        Duration.ofSeconds(30)));
        KafkaProducer<byte[], byte[]> late = producer()) {
      // What a timed-out append of an earlier register looks like: it lands after all.
      late.send(
              new ProducerRecord<>(
                  topic,
                  0,
                  "{\"keytype\":\"SCHEMA\",\"subject\":\"late-value\",\"version\":1,\"magic\":1}"
                      .getBytes(StandardCharsets.UTF_8),
                  "{\"subject\":\"late-value\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"deleted\":false}"
                      .getBytes(StandardCharsets.UTF_8)))
          .get(30, TimeUnit.SECONDS);

      SchemaVersion registered = core.register("b-value", "\"long\"");

      assertThat(registered.id()).isEqualTo(2);
    }
  }

  /** Applies records one second late, so a writer that does not wait for the reader races it. */
  private static Consumer<LogRecord> slowReader(Consumer<LogRecord> apply) {
    return record -> {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      apply.accept(record);
    };
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
  }

  private static List<String> readAll(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    Map<String, Object> config =
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<String> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          records.add(
              new String(r.key(), StandardCharsets.UTF_8)
                  + " -> "
                  + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8)));
        }
      }
      return records;
    }
  }
}
