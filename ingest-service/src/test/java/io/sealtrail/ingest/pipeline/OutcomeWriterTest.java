package io.sealtrail.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.outcome.OutcomeStatus;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.partner.PartnerDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whose outcome a rejection is, and what the record of each kind of outcome says. */
class OutcomeWriterTest {
  private static final Instant RECEIVED = Instant.parse("2026-12-07T09:00:00Z");
  private final Partners partners = new Partners();
  private final PartnerDirectory directory = PartnerDirectory.of(List.of(partners.acme()));
  private final OutcomeWriter writer = new OutcomeWriter(null, null, () -> directory);
  private final Submission submission =
      new Submission("s-1", new byte[] {'{', '}'}, Channel.KAFKA, RECEIVED, "in-0@7");

  @Test
  void shouldGoToTheClaimedPartnerWhenItIsRegistered() {
    var rejected = rejected(new Claim("acme", "0000", "ev-1", "SEAL_APPLIED", "f"));

    assertThat(writer.partner(rejected)).contains("acme");
  }

  @Test
  void shouldGoToTheKeysHolderWhenTheClaimNamesNoRegisteredPartner() {
    String acmeKey = partners.acmeKey.keyId().hex();

    assertThat(writer.partner(rejected(new Claim(null, acmeKey, null, null, null))))
        .contains("acme");
    assertThat(writer.partner(rejected(new Claim("nobody", acmeKey, "ev-1", null, null))))
        .contains("acme");
  }

  @Test
  void shouldGoNowhereWhenNeitherClaimNorKeyIsRegistered() {
    var rejected =
        rejected(new Claim("nobody", partners.strangerKey.keyId().hex(), "ev-1", null, null));

    assertThat(writer.partner(rejected)).isEmpty();
    assertThat(writer.partner(rejected(new Claim(null, null, null, null, null)))).isEmpty();
  }

  @Test
  void shouldRecordTheReasonFieldAndSourceOfARejection() {
    PartnerOutcome outcome =
        OutcomeWriter.value(rejected(new Claim("acme", null, "ev-9", "SEAL_APPLIED", "f")));

    assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(outcome.getEventId()).isEqualTo("ev-9");
    assertThat(outcome.getReason()).isEqualTo("SCHEMA_VIOLATION");
    assertThat(outcome.getField()).isEqualTo("/payload/detail/sealId");
    assertThat(outcome.getSource()).isEqualTo("in-0@7");
    assertThat(outcome.getReceivedAt()).isEqualTo(RECEIVED);
    assertThat(outcome.getPartition()).isNull();
  }

  @Test
  void shouldRecordTheOriginalsPositionAndHashOfADuplicate() {
    var duplicate =
        new Written.Duplicate(
            submission, "acme", "ev-2", "ab".repeat(32), () -> new EventPosition(4, 99));

    PartnerOutcome outcome = OutcomeWriter.value(duplicate);

    assertThat(writer.partner(duplicate)).isEqualTo(Optional.of("acme"));
    assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(outcome.getPartition()).isEqualTo(4);
    assertThat(outcome.getOffset()).isEqualTo(99L);
    assertThat(outcome.getPayloadSha256()).isEqualTo("ab".repeat(32));
  }

  private Written.Rejected rejected(Claim claim) {
    return new Written.Rejected(
        submission,
        new Rejection(
            RejectionReason.SCHEMA_VIOLATION,
            "/payload/detail/sealId",
            null,
            "sealId is required",
            claim));
  }
}
