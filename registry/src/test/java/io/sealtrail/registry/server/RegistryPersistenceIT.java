package io.sealtrail.registry.server;

import static io.sealtrail.registry.testing.RestCalls.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.testing.EmbeddedKafka;
import io.sealtrail.registry.testing.RestCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
    try (SchemaRegistryServer server = KAFKA.startRegistry(topic)) {
      RestCalls rest = new RestCalls(server.url());
      rest.post("/subjects/a-value/versions", V1);
      rest.post("/subjects/a-value/versions", V2);
      rest.post("/subjects/b-value/versions", V2);
      rest.delete("/subjects/a-value/versions/1");
      rest.put("/config", "{\"compatibility\":\"FULL\"}");
      rest.put("/config/b-value", "{\"compatibility\":\"NONE\"}");
      paths.forEach(p -> before.add(rest.get(p)));
    }

    try (SchemaRegistryServer restarted = KAFKA.startRegistry(topic)) {
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
  void shouldCreateSingleCompactedPartitionWhenTopicIsMissing() throws Exception {
    String topic = EmbeddedKafka.uniqueName("_schemas");

    try (SchemaRegistryServer server = KAFKA.startRegistry(topic);
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

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KAFKA.startRegistry(topic))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Schema topic "
                + topic
                + " must have cleanup.policy=compact, it has delete: retention would lose schemas");
  }

  @Test
  void shouldWriteConfluentKeysAndValuesWhenRegistering() {
    String topic = EmbeddedKafka.uniqueName("_schemas");
    try (SchemaRegistryServer server = KAFKA.startRegistry(topic)) {
      new RestCalls(server.url())
          .post("/subjects/Kafka-key/versions", schemaBody("{\"type\": \"string\"}"));
    }

    List<String> records = readAll(topic);

    assertThat(records)
        .containsExactly(
            "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-key\",\"version\":1,\"magic\":1} -> "
                + "{\"subject\":\"Kafka-key\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
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
