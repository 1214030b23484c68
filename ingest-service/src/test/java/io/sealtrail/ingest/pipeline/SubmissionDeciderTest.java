package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.dedup.DedupState;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionParser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * What one submission leads to on the output topics, decided within a batch; and that the verifier
 * parses each submission once, every step after working from that one value.
 */
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
  // The ids of the submissions parsed, one entry a parse.
  private final List<String> parsed = new ArrayList<>();
  private final SubmissionDecider decider = decider(counting(SubmissionParser.STRICT));
  private final DecisionWriter writer = writer(new AtomicInteger(), false);
  private final DedupState state = new DedupState();
  private final BatchDedup batch = new BatchDedup(state);

  @BeforeEach
  void ownPartition() {
    state.own(PARTITION);
  }

  @Test
  void shouldSendTheEventKeyedBySubjectWhenItIsNew() {
    var record = routed(envelope(sealApplied("ev-1", "DEV-1", "S-1", BEFORE), partners.acmeKey));

    Written outcome = decide(record);

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
    Written first = decide(routed(envelope));

    Written again = decide(routed(envelope));

    var accepted = (SubmissionResult.Accepted) first.result();
    assertThat(again.result())
        .isEqualTo(new SubmissionResult.Duplicate("ev-2", accepted.partition(), accepted.offset()));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldAnswerDuplicateWhenTheKeyWasRevokedAfterTheOriginalWasAccepted() {
    byte[] envelope = envelope(sealApplied("ev-5", "DEV-5", "S-5", BEFORE), partners.acmeKey);
    Written original = decide(routed(envelope));
    batch.commit();
    register(partners.acme().withKeyRevoked(acmeKeyId(), BEFORE));

    Written retry = decide(routed(envelope));

    var accepted = (SubmissionResult.Accepted) original.result();
    assertThat(retry.result())
        .isEqualTo(new SubmissionResult.Duplicate("ev-5", accepted.partition(), accepted.offset()));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldAnswerDuplicateWhenThePartnersRoleNoLongerAllowsTheTypeOfTheOriginal() {
    byte[] envelope = envelope(sealApplied("ev-6", "DEV-6", "S-6", BEFORE), partners.acmeKey);
    decide(routed(envelope));
    batch.commit();
    var acme = partners.acme();
    register(new Partner(acme.partnerId(), Set.of("LOGISTICS"), acme.sites(), acme.keys()));

    Written retry = decide(routed(envelope));

    assertThat(retry.result()).isInstanceOf(SubmissionResult.Duplicate.class);
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldRejectReplayWhenARevokedKeySignsOtherContentUnderAnAcceptedId() {
    decide(routed(envelope(sealApplied("ev-7", "DEV-7", "S-7", BEFORE), partners.acmeKey)));
    batch.commit();
    register(partners.acme().withKeyRevoked(acmeKeyId(), BEFORE));
    byte[] other = envelope(sealApplied("ev-7", "DEV-7", "S-OTHER", BEFORE), partners.acmeKey);

    Written replay = decide(routed(other));

    assertThat(rejectionReason(replay)).isEqualTo(RejectionReason.REPLAY);
  }

  @Test
  void shouldRejectRevokedKeyWhenARevokedKeySignsANewEvent() {
    register(partners.acme().withKeyRevoked(acmeKeyId(), BEFORE));
    byte[] envelope = envelope(sealApplied("ev-8", "DEV-8", "S-8", BEFORE), partners.acmeKey);

    Written outcome = decide(routed(envelope));

    assertThat(rejectionReason(outcome)).isEqualTo(RejectionReason.REVOKED_KEY);
  }

  @Test
  void shouldRejectUnknownKeyWhenAStrangerSignsThePayloadOfAnAcceptedEvent() {
    String event = sealApplied("ev-9", "DEV-9", "S-9", BEFORE);
    decide(routed(envelope(event, partners.acmeKey)));
    batch.commit();

    Written forged = decide(routed(envelope(event, partners.strangerKey)));

    assertThat(rejectionReason(forged)).isEqualTo(RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void shouldRejectWhenTheRoutingKeyDisagreesWithTheVerifiedIdentity() {
    byte[] envelope = envelope(sealApplied("ev-3", "DEV-3", "S-3", BEFORE), partners.acmeKey);
    var submission = Submission.http(envelope, RECEIVED, null);
    var wire = SubmissionRecords.toRecord("submissions", submission);
    var record = consumed("other-partner", wire.value(), wire.headers());

    Written outcome = decide(record);

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

    Written one = decide(routed(first));
    batch.commit();
    Written other = decide(routed(second));

    assertThat(one.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(other.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(producer.history()).extracting(sent -> sent.topic()).containsOnly("events");
  }

  @Test
  void shouldRejectAsMalformedEnvelopeWhenNoIngestDoorWroteTheRecord() {
    var record = consumed("whatever", new byte[] {1, 2}, new RecordHeaders());

    Written outcome = decide(record);

    assertThat(outcome.result())
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE));
    assertThat(outcome.submission().source()).isEqualTo("submissions-1@7");
  }

  @Test
  void shouldParseEachSubmissionOnceWhateverItsOutcome() {
    byte[] original = envelope(sealApplied("ev-10", "DEV-10", "S-1", BEFORE), partners.acmeKey);
    byte[] otherContent = envelope(sealApplied("ev-10", "DEV-10", "S-2", BEFORE), partners.acmeKey);
    List<byte[]> submissions =
        List.of(
            original, // accepted
            original, // duplicate within the batch
            otherContent, // replay, found by the resend lookup
            envelope(Events.sealAppliedWithoutSealId("ev-11", BEFORE), partners.acmeKey), // schema
            envelope(sealApplied("ev-12", "DEV-12", "S-12", BEFORE), partners.strangerKey), // key
            envelope("{\"eventId\":\"ev-13\"}", partners.acmeKey), // header
            "{\"payloadType\":1}".getBytes(StandardCharsets.UTF_8), // envelope
            "not json".getBytes(StandardCharsets.UTF_8));
    List<RejectionReason> reasons = new ArrayList<>();

    for (byte[] envelope : submissions) {
      int before = parsed.size();
      Written outcome = decide(routed(envelope));
      assertThat(parsed).as("parses of one submission").hasSize(before + 1);
      if (outcome.result() instanceof SubmissionResult.Rejected rejected) {
        reasons.add(rejected.reason());
      }
    }

    assertThat(parsed).hasSize(submissions.size());
    assertThat(reasons)
        .containsExactly(
            RejectionReason.REPLAY,
            RejectionReason.SCHEMA_VIOLATION,
            RejectionReason.UNKNOWN_KEY,
            RejectionReason.MALFORMED_EVENT,
            RejectionReason.MALFORMED_ENVELOPE,
            RejectionReason.MALFORMED_ENVELOPE);
  }

  @Test
  void shouldDecideFromTheParsedValueAloneWhenTheBytesAreNotReadAgain() {
    byte[] signed = envelope(sealApplied("ev-14", "DEV-14", "S-14", BEFORE), partners.acmeKey);
    Submission sent = Submission.http(signed, RECEIVED, null);
    ParsedSubmission once = SubmissionParser.STRICT.parse(sent);
    // A later parse of the record's bytes would read "{}": only the value parsed first can pass.
    SubmissionDecider fromOnce =
        decider(counting(submission -> new ParsedSubmission(submission, once.envelope())));
    var wire = SubmissionRecords.toRecord("submissions", sent);
    var garbled = consumed(wire.key(), "{}".getBytes(StandardCharsets.UTF_8), wire.headers());

    Written outcome = writer.write(fromOnce.decide(garbled, batch), batch, producer);

    assertThat(outcome.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(parsed).hasSize(1);
  }

  @Test
  void shouldSendTheEventEncodedAheadOnThePoolWhenItIsAccepted() {
    AtomicInteger encodings = new AtomicInteger();
    DecisionWriter counting = writer(encodings, false);
    Examination examination = examined("ev-15", counting);
    assertThat(encodings).hasValue(1);

    Written outcome = write(examination, counting);

    assertThat(encodings).as("encoded ahead only, not again in the record's turn").hasValue(1);
    assertThat(outcome.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(producer.history())
        .singleElement()
        .satisfies(sent -> assertThat(sent.value()).isSameAs(examination.encoded().value()));
    assertThat(((SubmissionResult.Accepted) outcome.result()).receipt())
        .isEqualTo(examination.encoded().receipt());
  }

  @Test
  void shouldEncodeInTheRecordsTurnWhenEncodingAheadFailed() {
    AtomicInteger encodings = new AtomicInteger();
    DecisionWriter failingFirst = writer(encodings, true);
    Examination examination = examined("ev-16", failingFirst);
    assertThat(examination.encoded()).isNull();

    Written outcome = write(examination, failingFirst);

    assertThat(encodings).hasValue(2);
    assertThat(outcome.result()).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(producer.history()).singleElement().extracting(r -> r.topic()).isEqualTo("events");
  }

  @Test
  void shouldNotSendAnotherSubmissionsEncodingForAnAcceptedEvent() {
    EncodedEvent ofFirst = examined("ev-17", writer).encoded();
    Examination second = examined("ev-18", writer);

    write(new Examination(second.examined(), ofFirst), writer);

    assertThat(producer.history())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.key()).isEqualTo("DEV-18");
              assertThat(sent.value()).isNotSameAs(ofFirst.value());
            });
  }

  /** The examination on the pool of acme's event {@code id} about device {@code DEV-<n>}. */
  private Examination examined(String id, DecisionWriter with) {
    String n = id.substring("ev-".length());
    var record = routed(envelope(sealApplied(id, "DEV-" + n, "S-" + n, BEFORE), partners.acmeKey));
    return Examination.of(record, decider, with);
  }

  /** Decides {@code examination} in its turn and sends what it leads to, as the batches do. */
  private Written write(Examination examination, DecisionWriter with) {
    return with.write(
        decider.decide(examination.examined(), batch), examination.encoded(), batch, producer);
  }

  /**
   * A writer whose event serializer counts its calls and, if {@code failFirst}, fails the first.
   */
  private static DecisionWriter writer(AtomicInteger encodings, boolean failFirst) {
    return new DecisionWriter(
        new OutputSerializers(
            (topic, event) -> {
              if (encodings.incrementAndGet() == 1 && failFirst) {
                throw new org.apache.kafka.common.errors.SerializationException("registry down");
              }
              return event.getPayloadSha256().getBytes(StandardCharsets.UTF_8);
            },
            (topic, rejected) -> rejected.getDetail().getBytes(StandardCharsets.UTF_8),
            (topic, outcome) -> outcome.getSubmissionId().getBytes(StandardCharsets.UTF_8)),
        "events",
        "rejected",
        IngestListener.NONE);
  }

  private SubmissionDecider decider(SubmissionParser parser) {
    return new SubmissionDecider(
        parser,
        new SubmissionJudge(verifier, new ClockSkew(ClockSkew.DEFAULT_BOUND)),
        new ResendLookup(verifier, IngestListener.NONE));
  }

  /** {@code parser}, counting its parses in {@link #parsed}. */
  private SubmissionParser counting(SubmissionParser parser) {
    return submission -> {
      parsed.add(submission.submissionId());
      return parser.parse(submission);
    };
  }

  /** Decides {@code record} and sends what it leads to, as the verifier's batches do. */
  private Written decide(ConsumerRecord<String, byte[]> record) {
    return writer.write(decider.decide(record, batch), batch, producer);
  }

  private void register(Partner partner) {
    directory.set(PartnerDirectory.of(List.of(partner)));
  }

  private String acmeKeyId() {
    return partners.acmeKey.verifier().keyId().hex();
  }

  private static RejectionReason rejectionReason(Written outcome) {
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
