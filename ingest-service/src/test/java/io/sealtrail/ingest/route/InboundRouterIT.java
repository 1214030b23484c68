package io.sealtrail.ingest.route;

import static io.sealtrail.ingest.testing.Events.NOW;
import static io.sealtrail.ingest.testing.Events.OCCURRED;
import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.IngestRig;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.ingest.topics.TopicCheck;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kafka-native door: custody.inbound records are verified exactly like HTTP submissions. */
class InboundRouterIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Instant FORGED = Instant.parse("2001-01-01T00:00:00Z");

  private final Partners partners = new Partners();
  private IngestRig rig;

  @BeforeEach
  void startDoors(TestInfo test) throws InterruptedException {
    rig = IngestRig.forTest(KAFKA, test);
    rig.startRouter("r1");
    rig.startVerifier("v1", partners.verifier());
  }

  @AfterEach
  void stopDoors() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldVerifyAndDeduplicateLikeHttpWhenPartnerProducesToInbound() throws Exception {
    byte[] envelope = envelope(sealApplied("ev-1", "DEV-1", "S-1", OCCURRED), partners.acmeKey);

    produceInbound("DEV-1", envelope);

    VerifiedEvent event = Eventually.await(rig::events, e -> !e.isEmpty(), "routed event").get(0);
    assertThat(event.getChannel()).isEqualTo(SubmissionChannel.KAFKA);
    assertThat(event.getReceivedAt()).as("broker append time, not the producer's").isAfter(FORGED);
    assertThat(event.getEvent().getEventId()).isEqualTo("ev-1");
    var position = rig.committed(rig.topics().events()).get(0);
    SubmissionResult viaHttp =
        rig.startGateway("g1")
            .submit(Submission.http(envelope, NOW, null))
            .get(30, TimeUnit.SECONDS);
    assertThat(viaHttp)
        .isEqualTo(new SubmissionResult.Duplicate("ev-1", position.partition(), position.offset()));
    assertThat(rig.events()).hasSize(1);
  }

  @Test
  void shouldRecordRejectionWithItsSourceWhenInboundRecordIsNotAuthentic() throws Exception {
    byte[] garbage = "not an envelope".getBytes(StandardCharsets.UTF_8);

    produceInbound("DEV-2", garbage);

    RejectedSubmission rejection =
        Eventually.await(rig::rejections, r -> !r.isEmpty(), "routed rejection").get(0);
    assertThat(rejection.getReason().name()).isEqualTo("MALFORMED_ENVELOPE");
    assertThat(rejection.getChannel()).isEqualTo(SubmissionChannel.KAFKA);
    assertThat(rejection.getOriginal()).isEqualTo(ByteBuffer.wrap(garbage));
    assertThat(rejection.getSource()).matches(rig.topics().inbound() + "-\\d+@0");
    assertThat(rig.events()).isEmpty();
  }

  @Test
  void shouldRefuseTopicsWhenInboundTopicLetsProducersSetTimestamps() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      var inbound = new ConfigResource(ConfigResource.Type.TOPIC, rig.topics().inbound());
      var createTime =
          new AlterConfigOp(
              new ConfigEntry("message.timestamp.type", "CreateTime"), AlterConfigOp.OpType.SET);
      admin.incrementalAlterConfigs(Map.of(inbound, List.of(createTime))).all().get();
      Eventually.await(
          () -> timestampType(admin, inbound), "CreateTime"::equals, "the change is visible");

      assertThatThrownBy(() -> TopicCheck.verify(admin, rig.catalogue()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("LogAppendTime");
    }
  }

  private void produceInbound(String key, byte[] value) throws Exception {
    rig.produceInbound(key, value, FORGED);
  }

  private static String timestampType(Admin admin, ConfigResource topic) {
    try {
      return admin
          .describeConfigs(List.of(topic))
          .all()
          .get()
          .get(topic)
          .get("message.timestamp.type")
          .value();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
