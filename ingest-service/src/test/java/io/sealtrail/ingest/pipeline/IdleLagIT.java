package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.NOW;
import static io.sealtrail.ingest.testing.Events.OCCURRED;
import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.route.InboundRouter;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.IngestRig;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.testing.GroupLag;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once traffic stops, Kafka's own view of ingest's consumer groups (committed offsets against end
 * offsets, as {@code kafka-consumer-groups --describe} computes lag) shows no lag, although the
 * topics they read end with transaction commit markers that no consumer ever receives.
 */
class IdleLagIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final Partners partners = new Partners();
  private IngestRig rig;
  private KafkaSubmissionGateway gateway;

  @BeforeEach
  void startRig(TestInfo test) throws InterruptedException {
    rig = IngestRig.forTest(KAFKA, test);
    rig.startVerifier("v1", partners.verifier());
    rig.startRouter("r1");
    gateway = rig.startGateway("g1");
  }

  @AfterEach
  void stopRig() throws Exception {
    rig.close();
  }

  @Test
  void shouldShowLagZeroForEveryIngestGroupWhenTrafficStopsAfterTransactionalWrites()
      throws Exception {
    // Over HTTP (no markers), through custody.inbound (the router's transactions put markers on
    // the submissions topic), and from a transactional Kafka-native partner (markers on inbound).
    var answers =
        gateway.submitAll(
            IntStream.range(0, 5)
                .mapToObj(i -> Submission.http(envelopeOf("http-" + i), NOW, null))
                .toList());
    rig.produceInbound("DEV-K", envelopeOf("kafka-1"), NOW);
    produceInboundTransactionally("DEV-T", envelopeOf("kafka-txn-1"));
    assertThat(answers.get(40, TimeUnit.SECONDS))
        .allMatch(SubmissionResult.Accepted.class::isInstance);
    Eventually.await(() -> rig.events().size(), size -> size == 7, "every event accepted");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      ClientSettings settings = new ClientSettings(rig.config("v1"));
      String verifierGroup = settings.groupId(IngestVerifier.GROUP);
      String routerGroup = settings.groupId(InboundRouter.GROUP);
      Eventually.await(
          () -> GroupLag.onTopic(admin, verifierGroup, rig.topics().submissions()),
          lag -> lag.values().stream().allMatch(l -> l == 0),
          "lag 0 on every submissions partition for " + verifierGroup);
      Eventually.await(
          () -> GroupLag.onTopic(admin, routerGroup, rig.topics().inbound()),
          lag -> lag.values().stream().allMatch(l -> l == 0),
          "lag 0 on every inbound partition for " + routerGroup);
    }
  }

  private byte[] envelopeOf(String eventId) {
    return envelope(
        sealApplied(eventId, "DEV-" + eventId, "S-" + eventId, OCCURRED), partners.acmeKey);
  }

  private void produceInboundTransactionally(String key, byte[] value) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", KAFKA.bootstrapServers());
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, EmbeddedKafka.uniqueName("partner"));
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(rig.topics().inbound(), key, value));
      producer.commitTransaction();
    }
  }
}
