package io.sealtrail.trust;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static io.sealtrail.trust.testing.Fixtures.event;
import static io.sealtrail.trust.testing.Fixtures.partnerAt;
import static io.sealtrail.trust.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import io.sealtrail.trust.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A custody event carried by a signed document of another payload type (an EPCIS capture): the
 * signatures are the document's, the header and policy the carried event's.
 */
class CarriedEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DOCUMENT =
      "{\"type\":\"EPCISDocument\"}".getBytes(StandardCharsets.UTF_8);
  private final Signer dock = Fixtures.ed25519();
  private final SubmissionVerifier verifier =
      new SubmissionVerifier(
          () -> PartnerDirectory.of(List.of(partnerAt("dock-7", Set.of("DOCK"), Set.of(), dock))),
          Policy.defaults());

  @Test
  void shouldVerifyTheCarriedEventWhenThePartnerSignedTheDocument() throws Exception {
    Envelope envelope = epcis(DOCUMENT, dock);

    Verification result = verifier.verify(carrying(envelope, "RECEIVED"), T0);

    assertThat(result.accepted()).isTrue();
  }

  @Test
  void shouldRejectTheCarriedTypeWhenThePartnersRoleMayNotReportIt() throws Exception {
    Verification result = verifier.verify(carrying(epcis(DOCUMENT, dock), "FIRMWARE_FLASHED"), T0);

    assertRejected(result, RejectionReason.ROLE_NOT_ALLOWED, "/type");
  }

  @Test
  void shouldRejectBadSignatureWhenTheDocumentWasChangedAfterSigning() throws Exception {
    Envelope signed = epcis(DOCUMENT, dock);
    Envelope changed =
        new Envelope(
            signed.payloadType(),
            "{\"type\":\"EPCISDocument\",\"x\":1}".getBytes(StandardCharsets.UTF_8),
            signed.signatures());

    Verification result = verifier.verify(carrying(changed, "RECEIVED"), T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verification.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
  }

  @Test
  void shouldRejectTheEnvelopeWhenACustodyEventEnvelopeIsTakenForADocument() throws Exception {
    Envelope custody = Fixtures.signed(event("RECEIVED", "dock-7", "rotterdam"), dock);

    var rejected =
        verifier.signaturesRejected(
            ParsedEnvelope.carrying(custody, SubmissionVerifier.EPCIS_PAYLOAD_TYPE, null), T0);

    assertThat(rejected)
        .hasValueSatisfying(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_ENVELOPE);
              assertThat(r.field()).isEqualTo("/payloadType");
            });
  }

  @Test
  void shouldFindNoRejectionBeforeTheEventWhenTheDocumentIsAuthentic() {
    var parsed =
        ParsedEnvelope.carrying(epcis(DOCUMENT, dock), SubmissionVerifier.EPCIS_PAYLOAD_TYPE, null);

    assertThat(verifier.signaturesRejected(parsed, T0)).isEmpty();
    assertThat(parsed.headerDefect()).isPresent();
  }

  private static Envelope epcis(byte[] document, Signer key) {
    return EnvelopeSigner.sign(SubmissionVerifier.EPCIS_PAYLOAD_TYPE, document, List.of(key));
  }

  private static ParsedEnvelope carrying(Envelope envelope, String type) throws Exception {
    JsonNode event = JSON.readTree(event(type, "dock-7", "rotterdam"));
    return ParsedEnvelope.carrying(envelope, SubmissionVerifier.EPCIS_PAYLOAD_TYPE, event);
  }
}
