package io.sealtrail.ingest;

import static io.sealtrail.ingest.testing.Events.NOW;
import static io.sealtrail.ingest.testing.Events.OCCURRED;
import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.IngestRig;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.ingest.topics.TopicSetup;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole ingest instance wired as in production: partners read from custody.partners, both doors
 * open.
 */
class IngestNodeIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final Partners partners = new Partners();
  private IngestRig rig;

  @BeforeEach
  void nameTopics(TestInfo test) throws InterruptedException {
    rig = IngestRig.withoutTopics(KAFKA, test);
  }

  @AfterEach
  void closeRig() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldAcceptThroughBothDoorsWhenPartnerIsRegisteredOnThePartnersTopic() throws Exception {
    rig.registerPartner(partners.acme()); // the broker creates the partners topic; ingest the rest
    List<Channel> accepted = new CopyOnWriteArrayList<>();
    IngestListener listener =
        new IngestListener() {
          @Override
          public void accepted(Channel channel, String partnerId) {
            accepted.add(channel);
          }
        };

    try (IngestNode node =
        IngestNode.start(
            rig.config("n1"),
            IngestNode.Options.defaults().withoutServer().withListener(listener))) {
      byte[] viaHttp = envelope(sealApplied("ev-1", "DEV-1", "S-1", OCCURRED), partners.acmeKey);
      SubmissionResult result =
          node.gateway().submit(Submission.http(viaHttp, NOW, null)).get(30, TimeUnit.SECONDS);
      byte[] viaKafka = envelope(sealApplied("ev-2", "DEV-2", "S-2", OCCURRED), partners.acmeKey);
      rig.produceInbound("DEV-2", viaKafka, NOW);

      assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
      Eventually.await(rig::events, events -> events.size() == 2, "both events on custody.events");
      // The listener hears a commit just after readers can see it.
      Eventually.await(() -> List.copyOf(accepted), heard -> heard.size() == 2, "both heard");
      assertThat(accepted).containsExactlyInAnyOrder(Channel.HTTP, Channel.KAFKA);
      assertThat(node.stopped()).isNotDone();
    }
  }

  @Test
  void shouldFailWithKafkaUnavailableWhenNoOutcomeComesInTime() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
        var gateway = new KafkaSubmissionGateway(rig.config("g1", Duration.ofSeconds(1)))) {
      TopicSetup.ensure(admin, rig.catalogue());
      gateway.start();
      byte[] envelope = envelope(sealApplied("ev-3", "DEV-3", "S-3", OCCURRED), partners.acmeKey);

      var result = gateway.submit(Submission.http(envelope, NOW, null));

      assertThat(result)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(KafkaUnavailableException.class)
          .withMessageContaining("no outcome");
    }
  }
}
