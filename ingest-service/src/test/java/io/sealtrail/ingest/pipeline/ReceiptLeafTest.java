package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.sealApplied;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.ingest.gateway.Receipt;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionParser;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.log.sequence.AcceptedLeaves;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receipt ingest answers for an accepted event names the very leaf log-service appends for it:
 * log-service's {@link AcceptedLeaves} over the {@code VerifiedEvent} ingest writes, after the Avro
 * round trip through {@code custody.events}.
 */
class ReceiptLeafTest {
  // Nanoseconds that custody.events' timestamp-millis cuts off.
  private static final Instant RECEIVED = Instant.parse("2026-11-21T08:00:00.123456789Z");

  private final Partners partners = new Partners();
  private final SubmissionJudge judge =
      new SubmissionJudge(partners.verifier(), new ClockSkew(ClockSkew.DEFAULT_BOUND));

  @Test
  void shouldNameTheLeafTheLogAppendsWhenAnEventIsAccepted() throws Exception {
    byte[] envelope =
        Partners.envelope(
            sealApplied("ev-1", "DEV-1", "S-1", RECEIVED.minusSeconds(60)), partners.acmeKey);

    assertThat(receiptOf(envelope).leafHash()).isEqualTo(logLeafOf(envelope));
  }

  @Test
  void shouldNameTheLeafOfTheCanonicalEnvelopeWhenItWasSentInAnotherSpelling() throws Exception {
    byte[] payload =
        sealApplied("ev-2", "DEV-2", "S-2", RECEIVED.minusSeconds(60))
            .getBytes(StandardCharsets.UTF_8);
    var signed =
        EnvelopeSigner.sign(
            SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload, List.of(partners.acmeKey));
    Base64.Encoder urlSafe = Base64.getUrlEncoder();
    // Another field order, spaces and the URL-safe alphabet: the same envelope, other bytes.
    String spelled =
        "{ \"signatures\": [ {\"sig\": \""
            + urlSafe.encodeToString(signed.signatures().get(0).sig())
            + "\", \"keyid\": \""
            + signed.signatures().get(0).keyid()
            + "\"} ], \"payload\": \""
            + urlSafe.encodeToString(payload)
            + "\", \"payloadType\": \""
            + signed.payloadType()
            + "\" }";
    byte[] envelope = spelled.getBytes(StandardCharsets.UTF_8);

    assertThat(receiptOf(envelope).leafHash())
        .isEqualTo(logLeafOf(envelope))
        .isEqualTo(
            receiptOf(
                    Partners.envelope(
                        new String(payload, StandardCharsets.UTF_8), partners.acmeKey))
                .leafHash());
  }

  @Test
  void shouldPointAtTheInclusionProofByPartnerAndEventId() {
    Receipt receipt = new Receipt("dock 7", "ev/1&2", "AAAA");

    assertThat(receipt.inclusionProof())
        .isEqualTo("/v1/log/proof/inclusion?partnerId=dock+7&eventId=ev%2F1%262");
  }

  private Receipt receiptOf(byte[] envelope) {
    return Receipts.of(authentic(envelope), submission(envelope));
  }

  private String logLeafOf(byte[] envelope) throws Exception {
    VerifiedEvent written = AvroMapping.verifiedEvent(authentic(envelope), submission(envelope));
    // As log-service reads it from custody.events: Avro bytes, decoded.
    VerifiedEvent read = VerifiedEvent.fromByteBuffer(written.toByteBuffer());
    return AcceptedLeaves.of(read).leafHash().base64();
  }

  private Judgement.Authentic authentic(byte[] envelope) {
    return (Judgement.Authentic) judge.judge(SubmissionParser.STRICT.parse(submission(envelope)));
  }

  private static Submission submission(byte[] envelope) {
    return Submission.http(envelope, RECEIVED, null);
  }
}
