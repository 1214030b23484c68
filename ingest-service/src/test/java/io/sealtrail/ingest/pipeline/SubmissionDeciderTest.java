package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.dedup.DedupState;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionRecords;
import io.sealtrail.ingest.testing.Events;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one submission leads to on the output topics, decided within a batch. */
class SubmissionDeciderTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-21T08:00:00Z");
  private static final Instant BEFORE = RECEIVED.minusSeconds(60);
  private static final int PARTITION = 1;

  private final Partners partners = new Partners();
  // The registrations as they are when a submission is decided: a test may change them between.
  private final AtomicReference<PartnerDirectory> directory =
      new AtomicReference<>(PartnerDirectory.of(List.of(partners.acme())));
  private final SubmissionVerifier verifier =
      new SubmissionVerifier(directory::get, Policy.defaults());
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final SubmissionDecider decider =
      new SubmissionDecider(
          new SubmissionJudge(verifier, new ClockSkew(ClockSkew.DEFAULT_BOUND)),
          new ResendLookup(verifier, IngestListener.NONE),
          new OutputSerializers(
              (topic, event) -> event.getPayloadSha256().getBytes(StandardCharsets.UTF_8),
              (topic, rejected) -> rejected.getDetail().getBytes(StandardCharsets.UTF_8)),
          "events",
          "rejected",
          IngestListener.NONE);
  private final DedupState state = new DedupState();
  private final BatchDedup batch = new BatchDedup(state);

  @BeforeEach
  void ownPartition() {
    state.own(PARTITION);
  }

  @Test
  void shouldSendTheEventKeyedBySubjectWhenItIsNew() {
    var record = routed(envelope(sealApplied("ev-1", "DEV-1", "S-1", BEFORE), partners.acmeKey));

    Decision outcome = decider.decide(record, batch, producer);

    assertThat(outcome.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(producer.history())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.topic()).isEqualTo("events");
              assertThat(sent.key()).isEqualTo("DEV-1");
            });
  }

  @Test
  void shouldSendNothingAndPointAtTheFirstWhenTheSameEventCameEarlierInTheBatch() {
    byte[] envelope = envelope(sealApplied("ev-2", "DEV-2", "S-2", BEFORE), partners.acmeKey);
    Decision first = decider.decide(routed(envelope), batch, producer);

    Decision again = decider.decide(routed(envelope), batch, producer);

    var accepted = (SubmissionResult.Accepted) first.result();
    assertThat(again.result())
        .isEqualTo(new SubmissionResult.Duplicate("ev-2", accepted.partition(), accepted.offset()));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldAnswerDuplicateWhenTheKeyWasRevokedAfterTheOriginalWasAccepted() {
    byte[] envelope = envelope(sealApplied("ev-5", "DEV-5", "S-5", BEFORE), partners.acmeKey);
    Decision original = decider.decide(routed(envelope), batch, producer);
    batch.commit();
    register(partners.acme().withKeyRevoked(acmeKeyId(), BEFORE));

    Decision retry = decider.decide(routed(envelope), batch, producer);

    var accepted = (SubmissionResult.Accepted) original.result();
    assertThat(retry.result())
        .isEqualTo(new SubmissionResult.Duplicate("ev-5", accepted.partition(), accepted.offset()));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldAnswerDuplicateWhenThePartnersRoleNoLongerAllowsTheTypeOfTheOriginal() {
    byte[] envelope = envelope(sealApplied("ev-6", "DEV-6", "S-6", BEFORE), partners.acmeKey);
    decider.decide(routed(envelope), batch, producer);
    batch.commit();
    var acme = partners.acme();
    register(new Partner(acme.partnerId(), Set.of("LOGISTICS"), acme.sites(), acme.keys()));

    Decision retry = decider.decide(routed(envelope), batch, producer);

    assertThat(retry.result()).isInstanceOf(SubmissionResult.Duplicate.class);
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldRejectReplayWhenARevokedKeySignsOtherContentUnderAnAcceptedId() {
    decider.decide(
        routed(envelope(sealApplied("ev-7", "DEV-7", "S-7", BEFORE), partners.acmeKey)),
        batch,
        producer);
    batch.commit();
    register(partners.acme().withKeyRevoked(acmeKeyId(), BEFORE));
    byte[] other = envelope(sealApplied("ev-7", "DEV-7", "S-OTHER", BEFORE), partners.acmeKey);

    Decision replay = decider.decide(routed(other), batch, producer);

    assertThat(rejectionReason(replay)).isEqualTo(RejectionReason.REPLAY);
  }

  @Test
  void shouldRejectRevokedKeyWhenARevokedKeySignsANewEvent() {
    register(partners.acme().withKeyRevoked(acmeKeyId(), BEFORE));
    byte[] envelope = envelope(sealApplied("ev-8", "DEV-8", "S-8", BEFORE), partners.acmeKey);

    Decision outcome = decider.decide(routed(envelope), batch, producer);

    assertThat(rejectionReason(outcome)).isEqualTo(RejectionReason.REVOKED_KEY);
  }

  @Test
  void shouldRejectUnknownKeyWhenAStrangerSignsThePayloadOfAnAcceptedEvent() {
    String event = sealApplied("ev-9", "DEV-9", "S-9", BEFORE);
    decider.decide(routed(envelope(event, partners.acmeKey)), batch, producer);
    batch.commit();

    Decision forged =
        decider.decide(routed(envelope(event, partners.strangerKey)), batch, producer);

    assertThat(rejectionReason(forged)).isEqualTo(RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void shouldRejectWhenTheRoutingKeyDisagreesWithTheVerifiedIdentity() {
    byte[] envelope = envelope(sealApplied("ev-3", "DEV-3", "S-3", BEFORE), partners.acmeKey);
    var submission = Submission.http(envelope, RECEIVED, null);
    var wire = SubmissionRecords.toRecord("submissions", submission);
    var record = consumed("other-partner", wire.value(), wire.headers());

    Decision outcome = decider.decide(record, batch, producer);

    assertThat(outcome.result())
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_EVENT));
    assertThat(producer.history())
        .singleElement()
        .satisfies(sent -> assertThat(sent.topic()).isEqualTo("rejected"));
  }

  /**
   * Issue 21, defect 4: {@code partnerId/eventId} made one dedup key of partner X's event {@code
   * 7/e1} and partner {@code X/7}'s event {@code e1}, so the second was refused as a REPLAY of the
   * first.
   */
  @Test
  void shouldAcceptBothWhenSlashesInPartnerAndEventIdsWouldJoinToTheSameDedupKey() {
    var x = partners.manufacturer("X");
    var x7 = partners.manufacturer("X/7");
    directory.set(PartnerDirectory.of(List.of(partners.acme(), x.partner(), x7.partner())));
    byte[] first = envelope(Events.sealApplied("X", "7/e1", "DEV-1", "S-1", BEFORE), x.key());
    byte[] second = envelope(Events.sealApplied("X/7", "e1", "DEV-1", "S-2", BEFORE), x7.key());

    Decision one = decider.decide(routed(first), batch, producer);
    batch.commit();
    Decision other = decider.decide(routed(second), batch, producer);

    assertThat(one.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(other.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(producer.history()).extracting(sent -> sent.topic()).containsOnly("events");
  }

  @Test
  void shouldRejectAsMalformedEnvelopeWhenNoIngestDoorWroteTheRecord() {
    var record = consumed("whatever", new byte[] {1, 2}, new RecordHeaders());

    Decision outcome = decider.decide(record, batch, producer);

    assertThat(outcome.result())
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE));
    assertThat(outcome.submission().source()).isEqualTo("submissions-1@7");
  }

  private void register(Partner partner) {
    directory.set(PartnerDirectory.of(List.of(partner)));
  }

  private String acmeKeyId() {
    return partners.acmeKey.verifier().keyId().hex();
  }

  private static RejectionReason rejectionReason(Decision outcome) {
    return ((SubmissionResult.Rejected) outcome.result()).reason();
  }

  /** A submission as a door writes it, keyed by its routing key. */
  private static ConsumerRecord<String, byte[]> routed(byte[] envelope) {
    var wire = SubmissionRecords.toRecord("submissions", Submission.http(envelope, RECEIVED, null));
    return consumed(wire.key(), wire.value(), wire.headers());
  }

  private static ConsumerRecord<String, byte[]> consumed(
      String key, byte[] value, Headers headers) {
    return new ConsumerRecord<>(
        "submissions",
        PARTITION,
        7L,
        RECEIVED.toEpochMilli(),
        TimestampType.CREATE_TIME,
        0,
        0,
        key,
        value,
        headers,
        Optional.empty());
  }
}
