package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Events.sealAppliedWithoutSealId;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionParser;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.policy.MaxEventAge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks before deduplication, and the order that decides which reason a submission gets. */
class SubmissionJudgeTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-21T08:00:00Z");
  private static final Instant BEFORE = RECEIVED.minusSeconds(60);
  private static final Instant FAR_FUTURE = RECEIVED.plus(Duration.ofHours(1));

  private final Partners partners = new Partners();
  private final SubmissionJudge judge =
      new SubmissionJudge(partners.verifier(), new ClockSkew(ClockSkew.DEFAULT_BOUND));

  @Test
  void shouldFindEventAuthenticWhenSignedByItsRegisteredPartner() {
    String payload = sealApplied("ev-1", "DEV-1", "S-1", BEFORE);

    Judgement judgement = judge.judge(parsed(envelope(payload, partners.acmeKey)));

    assertThat(judgement)
        .isInstanceOfSatisfying(
            Judgement.Authentic.class,
            authentic -> {
              assertThat(authentic.dedupKey()).isEqualTo("4:acme/ev-1");
              assertThat(authentic.payloadSha256())
                  .isEqualTo(SubmissionJudge.sha256Hex(payload.getBytes(StandardCharsets.UTF_8)));
            });
  }

  @Test
  void shouldBlameTheKeyBeforeTheSchemaWhenAStrangerSignsABrokenEvent() {
    String payload = sealAppliedWithoutSealId("ev-2", BEFORE);

    Judgement judgement = judge.judge(parsed(envelope(payload, partners.strangerKey)));

    assertThat(reason(judgement)).isEqualTo(RejectionReason.UNKNOWN_KEY);
  }

  @Test
  void shouldBlameTheSchemaBeforeTheClockWhenAFutureEventIsBroken() {
    String payload = sealAppliedWithoutSealId("ev-3", FAR_FUTURE);

    Judgement judgement = judge.judge(parsed(envelope(payload, partners.acmeKey)));

    assertThat(judgement)
        .isInstanceOfSatisfying(
            Rejection.class,
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(RejectionReason.SCHEMA_VIOLATION);
              assertThat(rejection.field()).isEqualTo("/payload/detail/sealId");
              assertThat(rejection.claim().partnerId()).isEqualTo(Partners.ACME);
            });
  }

  @Test
  void shouldRejectClockSkewWhenAnAuthenticEventOccursTooFarAhead() {
    String payload = sealApplied("ev-4", "DEV-4", "S-4", FAR_FUTURE);

    Judgement judgement = judge.judge(parsed(envelope(payload, partners.acmeKey)));

    assertThat(judgement)
        .isInstanceOfSatisfying(
            Rejection.class,
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(RejectionReason.CLOCK_SKEW);
              assertThat(rejection.field()).isEqualTo("/payload/occurredAt");
              assertThat(rejection.claim().keyId()).isEqualTo(partners.acmeKey.keyId().hex());
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-10-22T07:59:59Z"})
  void shouldRejectTooOldWhenAnAuthenticEventOccurredBeforeTheMaxEventAge(String occurredAt) {
    String payload = sealApplied("ev-5", "DEV-5", "S-5", Instant.parse(occurredAt));

    Judgement judgement = judge.judge(parsed(envelope(payload, partners.acmeKey)));

    assertThat(judgement)
        .isInstanceOfSatisfying(
            Rejection.class,
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(RejectionReason.TOO_OLD);
              assertThat(rejection.field()).isEqualTo("/payload/occurredAt");
              assertThat(rejection.detail()).contains(occurredAt).contains("2026-10-22T08:00:00Z");
            });
  }

  @Test
  void shouldFindEventAuthenticWhenItOccurredExactlyTheMaxEventAgeBeforeReceipt() {
    Instant oldest = RECEIVED.minus(MaxEventAge.DEFAULT);
    String payload = sealApplied("ev-6", "DEV-6", "S-6", oldest);

    Judgement judgement = judge.judge(parsed(envelope(payload, partners.acmeKey)));

    assertThat(judgement).isInstanceOf(Judgement.Authentic.class);
  }

  @Test
  void shouldRejectTooOldByTheBoundOfTheEventsTypeWhenThePolicyGivesItOne() {
    var bounded =
        new SubmissionJudge(
            partners.verifier(),
            new ClockSkew(ClockSkew.DEFAULT_BOUND),
            new MaxEventAge(
                MaxEventAge.DEFAULT, Map.of(EventType.SEAL_APPLIED, Duration.ofHours(1))),
            IngestListener.NONE);
    String payload = sealApplied("ev-7", "DEV-7", "S-7", RECEIVED.minus(Duration.ofHours(2)));

    Judgement judgement = bounded.judge(parsed(envelope(payload, partners.acmeKey)));

    assertThat(judgement)
        .isInstanceOfSatisfying(
            Rejection.class,
            rejection -> {
              assertThat(rejection.reason()).isEqualTo(RejectionReason.TOO_OLD);
              assertThat(rejection.field()).isEqualTo("/payload/occurredAt");
              assertThat(rejection.detail()).contains("PT1H", "SEAL_APPLIED");
            });
    // The nearest legitimate case: the same event under the default bound of 30 days.
    assertThat(judge.judge(parsed(envelope(payload, partners.acmeKey))))
        .isInstanceOf(Judgement.Authentic.class);
  }

  @Test
  void shouldRejectMalformedEnvelopeWhenBytesAreNotJson() {
    byte[] garbage = "{{".getBytes(StandardCharsets.UTF_8);

    Judgement judgement = judge.judge(parsed(garbage));

    assertThat(reason(judgement)).isEqualTo(RejectionReason.MALFORMED_ENVELOPE);
  }

  /** A submission received over HTTP, read once as the verifier reads it. */
  private static ParsedSubmission parsed(byte[] envelope) {
    return SubmissionParser.STRICT.parse(Submission.http(envelope, RECEIVED, null));
  }

  private static RejectionReason reason(Judgement judgement) {
    assertThat(judgement).isInstanceOf(Rejection.class);
    return ((Rejection) judgement).reason();
  }
}
