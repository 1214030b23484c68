package io.sealtrail.anomaly.notify;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.Escalation;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.fixtures.PoisonedLoop;
import io.sealtrail.anomaly.fixtures.WebhookReceiver;
import io.sealtrail.anomaly.lifecycle.AlertCommands;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.testing.GroupLag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookNotifierIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final String SECRET = "s3cret";

  private final String scope = EmbeddedKafka.uniqueName("webhook");
  private final String topic = EmbeddedKafka.uniqueName("alerts");
  private final String group = EmbeddedKafka.uniqueName("webhook-group");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void createTopic() throws Exception {
    try (var admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
  }

  // Clients close their serdes, so each client gets its own.
  private SpecificAvroSerde<Alert> serde() {
    SpecificAvroSerde<Alert> serde = new SpecificAvroSerde<>(Alert.class);
    serde.configure(Map.of("schema.registry.url", "mock://" + scope), false);
    return serde;
  }

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldDeliverSignedAlertWhenReceiverRecoversAfterFailures() throws Exception {
    Alert alert = alert("DEV-1");
    try (WebhookReceiver receiver = new WebhookReceiver(2);
        WebhookNotifier notifier = notifier(receiver).start()) {

      publish(alert);

      Eventually.await(receiver::delivered, d -> d.size() == 1, "delivery after two failures");
      assertThat(receiver.received()).hasSize(3);
      WebhookReceiver.Received delivered = receiver.delivered().get(0);
      assertThat(delivered.body()).isEqualTo(AlertJson.write(alert));
      byte[] body = delivered.body().getBytes(StandardCharsets.UTF_8);
      assertThat(delivered.signature())
          .isEqualTo(new WebhookSigner(SECRET).sign(Long.parseLong(delivered.timestamp()), body));
      assertThat(registry.counter(WebhookNotifier.FAILED_ATTEMPTS).count()).isEqualTo(2.0);
    }
  }

  @Test
  void shouldLeaveLagZeroWhenTheAlertsTopicEndsWithACommitMarker() throws Exception {
    // custody.alerts is written by anomaly's exactly_once_v2 topology, so it ends with commit
    // markers no consumer receives; committing offset + 1 of the last record left lag 1 (issue 13).
    try (WebhookReceiver receiver = new WebhookReceiver(0);
        WebhookNotifier notifier = notifier(receiver).start();
        var admin = KAFKA.admin()) {

      publishTransactionally(alert("DEV-4"), alert("DEV-5"), alert("DEV-6"));

      Eventually.await(receiver::delivered, d -> d.size() == 3, "three deliveries");
      Eventually.await(
          () -> GroupLag.behind(GroupLag.of(admin, group)), Map::isEmpty, "lag 0 for " + group);
    }
  }

  private void publishTransactionally(Alert... alerts) {
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                EmbeddedKafka.uniqueName("alerts-txn")),
            new StringSerializer(),
            serde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      for (Alert a : alerts) {
        producer.send(new ProducerRecord<>(topic, a.getAlertId(), a));
      }
      producer.commitTransaction();
    }
  }

  @Test
  void shouldResumeAfterLastDeliveryAndSkipUpdatesWhenRestartedInNewOnlyMode() throws Exception {
    Alert first = alert("DEV-2");
    Alert second = alert("DEV-3");
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      try (WebhookNotifier notifier = notifier(receiver).start()) {
        publish(first);
        Eventually.await(receiver::delivered, d -> d.size() == 1, "first delivery");
      }

      publish(Alerts.repeat(first, first, AlertRules.defaults()), second);
      try (WebhookNotifier restarted = notifier(receiver).start()) {
        Eventually.await(receiver::delivered, d -> d.size() == 2, "delivery after restart");
      }

      assertThat(receiver.delivered())
          .extracting(WebhookReceiver.Received::body)
          .containsExactly(AlertJson.write(first), AlertJson.write(second));
    }
  }

  @Test
  void shouldPostTheEscalationAgainButNotTheVersionsAfterItWhenInNewOnlyMode() throws Exception {
    Alert raised = alert("DEV-7");
    Instant escalatedAt = Instant.parse("2026-06-01T00:15:00Z");
    Alert escalated = Escalation.escalated(raised, escalatedAt);
    Alert acknowledged =
        AlertCommands.applyTo(
            AlertCommands.to(raised.getAlertId(), AlertStatus.ACKNOWLEDGED, "secops", null),
            escalated,
            escalatedAt.plusSeconds(60));
    try (WebhookReceiver receiver = new WebhookReceiver(0);
        WebhookNotifier notifier = notifier(receiver).start();
        var admin = KAFKA.admin()) {

      // Each version written at its own time, as the streams write them.
      publishAt(raised, T0);
      publishAt(escalated, escalatedAt);
      publishAt(acknowledged, escalatedAt.plusSeconds(60));

      Eventually.await(receiver::delivered, d -> d.size() >= 2, "the first and the escalation");
      Eventually.await(
          () -> GroupLag.behind(GroupLag.of(admin, group)), Map::isEmpty, "every version read");
      assertThat(receiver.delivered())
          .extracting(WebhookReceiver.Received::body)
          .containsExactly(AlertJson.write(raised), AlertJson.write(escalated));
    }
  }

  private void publishAt(Alert alert, Instant at) throws Exception {
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
            new StringSerializer(),
            serde().serializer())) {
      producer
          .send(new ProducerRecord<>(topic, null, at.toEpochMilli(), alert.getAlertId(), alert))
          .get();
    }
  }

  @Test
  void shouldTurnReadinessDownNamingTheNotifierWhenAPoisonedRecordKillsIt() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(0);
        WebhookNotifier notifier = notifier(receiver).start()) {
      var readiness = new LoopHealthCheck(WebhookNotifier.NAME, notifier.stopped());
      assertThat(readiness.check().up()).isTrue();

      PoisonedLoop.poison(KAFKA.bootstrapServers(), topic);

      PoisonedLoop.assertDiedOfPoison(notifier.stopped(), readiness, "webhookNotifier", topic);
    }
  }

  private WebhookNotifier notifier(WebhookReceiver receiver) {
    WebhookConfig config =
        new WebhookConfig(
            receiver.url(),
            SECRET,
            false,
            5,
            Duration.ofMillis(20),
            Duration.ofMillis(100),
            Duration.ofSeconds(5));
    return new WebhookNotifier(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group),
        topic,
        serde().deserializer(),
        config,
        registry);
  }

  private static Alert alert(String serial) {
    return Alerts.open(
        Occurrence.of(violation(AlertType.SEAL_BROKEN, serial, T0).build()), AlertRules.defaults());
  }

  private void publish(Alert... alerts) throws Exception {
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            serde().serializer())) {
      for (Alert a : alerts) {
        producer.send(new ProducerRecord<>(topic, a.getAlertId(), a)).get();
      }
    }
  }
}
