package io.sealtrail.anomaly.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.PoisonedLoop;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The loop that keeps the alert view current: its death is never silent. */
class AlertFeedIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final String scope = EmbeddedKafka.uniqueName("feed");
  private final String topic = EmbeddedKafka.uniqueName("alerts");

  @BeforeEach
  void createTopic() throws Exception {
    try (var admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
  }

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldTurnReadinessDownNamingTheFeedWhenAPoisonedRecordKillsIt() throws Exception {
    var view = new AlertView();
    try (var serde = new SpecificAvroSerde<>(Alert.class);
        var feed = feed(serde, view)) {
      var readiness = new LoopHealthCheck(AlertFeed.NAME, feed.stopped());
      feed.start();
      Eventually.await(view::caughtUp, caught -> caught, "the empty topic read");
      assertThat(readiness.check().up()).isTrue();

      PoisonedLoop.poison(KAFKA.bootstrapServers(), topic);

      PoisonedLoop.assertDiedOfPoison(feed.stopped(), readiness, "alertFeed", topic);
    }
  }

  private AlertFeed feed(SpecificAvroSerde<Alert> serde, AlertView view) {
    serde.configure(Map.of("schema.registry.url", "mock://" + scope), false);
    return new AlertFeed(
        KafkaAccess.plain(KAFKA.bootstrapServers()), topic, serde.deserializer(), view);
  }
}
