package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.NOW;
import static io.sealtrail.ingest.testing.Events.OCCURRED;
import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Events.sealAppliedWithoutSealId;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.IngestRig;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.RejectionReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verifier and the gateway on a real broker: each outcome, where it lands, and what it answers.
 */
class VerificationPipelineIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final Partners partners = new Partners();
  private IngestRig rig;
  private KafkaSubmissionGateway gateway;

  @BeforeEach
  void startPipeline(TestInfo test) throws InterruptedException {
    rig = IngestRig.forTest(KAFKA, test);
    rig.startVerifier("v1", partners.verifier());
    gateway = rig.startGateway("g1");
  }

  @AfterEach
  void stopPipeline() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldPublishEventAtReturnedPositionWhenSubmissionIsAuthentic() throws Exception {
    String payload = sealApplied("ev-1", "DEV-1", "S-1", OCCURRED);
    Submission submission = Submission.http(envelope(payload, partners.acmeKey), NOW, "10.0.0.1");

    SubmissionResult result = gateway.submit(submission).get(30, TimeUnit.SECONDS);

    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
    var accepted = (SubmissionResult.Accepted) result;
    assertThat(accepted.eventId()).isEqualTo("ev-1");
    ConsumerRecord<String, byte[]> record = recordAt(accepted.partition(), accepted.offset());
    assertThat(record.key()).isEqualTo("DEV-1");
    VerifiedEvent event = rig.read(VerifiedEvent.class, rig.topics().events(), record.value());
    assertThat(event.getEvent().getEventId()).isEqualTo("ev-1");
    assertThat(event.getChannel()).isEqualTo(SubmissionChannel.HTTP);
    assertThat(event.getReceivedAt()).isEqualTo(NOW);
    assertThat(event.getEnvelope().getPayload())
        .isEqualTo(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
    assertThat(event.getPayloadSha256())
        .isEqualTo(SubmissionJudge.sha256Hex(payload.getBytes(StandardCharsets.UTF_8)));
    assertThat(event.getSigners())
        .singleElement()
        .satisfies(signer -> assertThat(signer.getPartnerId()).isEqualTo(Partners.ACME));
  }

  @Test
  void shouldAnswerWithOriginalPositionAndWriteNothingWhenSameEventIsSubmittedAgain()
      throws Exception {
    byte[] envelope = envelope(sealApplied("ev-2", "DEV-2", "S-2", OCCURRED), partners.acmeKey);
    var first =
        (SubmissionResult.Accepted)
            gateway.submit(Submission.http(envelope, NOW, null)).get(30, TimeUnit.SECONDS);

    SubmissionResult retry =
        gateway
            .submit(Submission.http(envelope, NOW.plusSeconds(1), null))
            .get(30, TimeUnit.SECONDS);

    assertThat(retry)
        .isEqualTo(new SubmissionResult.Duplicate("ev-2", first.partition(), first.offset()));
    assertThat(rig.events()).hasSize(1);
    assertThat(rig.rejections()).isEmpty();
  }

  @Test
  void shouldRejectAsReplayWhenEventIdIsReusedForOtherContent() throws Exception {
    byte[] original = envelope(sealApplied("ev-3", "DEV-3", "S-3", OCCURRED), partners.acmeKey);
    byte[] other = envelope(sealApplied("ev-3", "DEV-3", "S-OTHER", OCCURRED), partners.acmeKey);
    gateway.submit(Submission.http(original, NOW, null)).get(30, TimeUnit.SECONDS);

    SubmissionResult replay =
        gateway.submit(Submission.http(other, NOW, null)).get(30, TimeUnit.SECONDS);

    assertThat(replay)
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(RejectionReason.REPLAY);
              assertThat(rejected.field()).isEqualTo("/payload/eventId");
            });
    assertThat(rig.events()).hasSize(1);
    assertThat(rig.rejections())
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.getReason().name()).isEqualTo("REPLAY");
              assertThat(rejection.getPartnerId()).isEqualTo(Partners.ACME);
              assertThat(rejection.getEventId()).isEqualTo("ev-3");
            });
  }

  @Test
  void shouldRecordReasonAndOriginalBytesWhenSignerIsNotRegistered() throws Exception {
    byte[] envelope = envelope(sealApplied("ev-4", "DEV-4", "S-4", OCCURRED), partners.strangerKey);
    Submission submission = Submission.http(envelope, NOW, "10.0.0.9");

    SubmissionResult result = gateway.submit(submission).get(30, TimeUnit.SECONDS);

    assertThat(result)
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
              assertThat(rejected.signatureIndex()).isZero();
              assertThat(rejected.field()).isEqualTo("/signatures/0/keyid");
            });
    RejectedSubmission rejection = rig.rejections().get(0);
    assertThat(rejection.getReason().name()).isEqualTo("UNKNOWN_KEY");
    assertThat(rejection.getOriginal()).isEqualTo(ByteBuffer.wrap(envelope));
    assertThat(rejection.getSubmissionId()).isEqualTo(submission.submissionId());
    assertThat(rejection.getKeyId()).isEqualTo(partners.strangerKey.keyId().hex());
    assertThat(rejection.getSource()).isEqualTo("10.0.0.9");
    assertThat(rig.events()).isEmpty();
  }

  @Test
  void shouldRejectSchemaViolationWithItsPointerWhenDetailLacksARequiredField() throws Exception {
    String payload = sealAppliedWithoutSealId("ev-5", OCCURRED);

    SubmissionResult result =
        gateway
            .submit(Submission.http(envelope(payload, partners.acmeKey), NOW, null))
            .get(30, TimeUnit.SECONDS);

    assertThat(result)
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(RejectionReason.SCHEMA_VIOLATION);
              assertThat(rejected.field()).isEqualTo("/payload/detail/sealId");
            });
    assertThat(rig.committed(rig.topics().rejected()))
        .singleElement()
        .satisfies(record -> assertThat(record.key()).isEqualTo(Partners.ACME));
  }

  private ConsumerRecord<String, byte[]> recordAt(int partition, long offset) {
    return rig.committed(rig.topics().events()).stream()
        .filter(r -> r.partition() == partition && r.offset() == offset)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event at " + partition + "@" + offset));
  }
}
