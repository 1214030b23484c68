package io.sealtrail.trust;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static io.sealtrail.trust.testing.Fixtures.event;
import static io.sealtrail.trust.testing.Fixtures.partner;
import static io.sealtrail.trust.testing.Fixtures.partnerAt;
import static io.sealtrail.trust.testing.Fixtures.signed;
import static io.sealtrail.trust.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.Verification.Rejected;
import io.sealtrail.trust.Verification.Verified;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import io.sealtrail.trust.testing.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubmissionVerifierTest {
  private final Signer dock = Fixtures.ed25519();
  private final Signer station = Fixtures.p256();
  private final Signer approver = Fixtures.ed25519();
  private final Signer releaseA = Fixtures.ed25519();
  private final Signer releaseB = Fixtures.p256();
  private final Signer stranger = Fixtures.ed25519();
  private final PartnerDirectory directory =
      PartnerDirectory.of(
          java.util.List.of(
              partnerAt("dock-7", Set.of("DOCK"), Set.of("rotterdam"), dock),
              partner("station-4", Set.of("STATION"), station),
              partner("qa", Set.of("APPROVER"), approver),
              partner("release", Set.of("RELEASE_MANAGER"), releaseA, releaseB)));
  private final SubmissionVerifier verifier =
      new SubmissionVerifier(() -> directory, Policy.defaults());

  @Test
  void shouldVerifyAnEventSignedByItsPartnerWithARoleThatMayReportIt() {
    Envelope envelope = signed(event("RECEIVED", "dock-7", "rotterdam"), dock);

    Verification result = verifier.verify(envelope, T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class,
            v -> {
              assertThat(v.header().partnerId()).isEqualTo("dock-7");
              assertThat(v.signers())
                  .extracting(VerifiedSigner::keyId)
                  .containsExactly(dock.keyId());
              assertThat(v.flags()).isEmpty();
            });
  }

  @Test
  void shouldIgnoreAnUnknownCoSignatureWhenThePartnerSigned() {
    Envelope envelope = signed(event("RECEIVED", "dock-7", "rotterdam"), stranger, dock);

    Verification result = verifier.verify(envelope, T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class,
            v ->
                assertThat(v.signers())
                    .extracting(VerifiedSigner::signatureIndex)
                    .containsExactly(1));
  }

  @Test
  void shouldRejectWithRoleNotAllowedWhenADockReportsAFlash() {
    Envelope envelope = signed(event("FIRMWARE_FLASHED", "dock-7", "rotterdam"), dock);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.ROLE_NOT_ALLOWED);
    assertThat(rejection(envelope).field()).isEqualTo("/type");
  }

  @Test
  void shouldRejectWithRoleNotAllowedWhenAnApproverReportsAlone() {
    Envelope envelope = signed(event("FIRMWARE_FLASHED", "qa", "plant-1"), approver);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.ROLE_NOT_ALLOWED);
  }

  @Test
  void shouldRejectWithSiteNotAllowedWhenTheDockReportsFromAnotherSite() {
    Envelope envelope = signed(event("RECEIVED", "dock-7", "antwerp"), dock);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.SITE_NOT_ALLOWED);
    assertThat(rejection(envelope).field()).isEqualTo("/site");
  }

  @Test
  void shouldRejectWithPartnerMismatchWhenAnotherRegisteredPartnerSigned() {
    Envelope envelope = signed(event("SCANNED", "dock-7", "rotterdam"), station);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.PARTNER_MISMATCH);
    assertThat(rejection(envelope).field()).isEqualTo("/partnerId");
  }

  @Test
  void shouldRejectWithUnknownKeyWhenThePartnerSignedWithAnUnregisteredKeyBesideACoSigner() {
    Envelope envelope =
        signed(event("FIRMWARE_FLASHED", "station-4", "plant-1"), approver, stranger);

    Rejected rejected = rejection(envelope);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
    assertThat(rejected.signatureIndex()).isEqualTo(1);
  }

  @Test
  void shouldVerifyAReleaseWhenTwoDistinctReleaseManagerKeysSigned() {
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, releaseB);

    assertThat(verifier.verify(envelope, T0).accepted()).isTrue();
  }

  @Test
  void shouldRejectWithInsufficientSignaturesWhenOneReleaseManagerKeySignedTwice() {
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, releaseA);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.INSUFFICIENT_SIGNATURES);
  }

  @Test
  void shouldFlagMissingDualApprovalWhenAFlashHasNoApproverCoSignature() {
    Envelope envelope = signed(event("FIRMWARE_FLASHED", "station-4", "plant-1"), station);

    Verification result = verifier.verify(envelope, T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class,
            v -> {
              assertThat(v.coSignedBy("APPROVER")).isFalse();
              assertThat(v.flags()).containsExactly("MISSING_DUAL_APPROVAL");
            });
  }

  @Test
  void shouldReportTheApproverCoSignatureWhenAFlashIsCoSigned() {
    Envelope envelope =
        signed(event("FIRMWARE_FLASHED", "station-4", "plant-1"), station, approver);

    Verification result = verifier.verify(envelope, T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class,
            v -> {
              assertThat(v.coSignedBy("APPROVER")).isTrue();
              assertThat(v.flags()).isEmpty();
              assertThat(v.signers())
                  .extracting(VerifiedSigner::partnerId)
                  .containsExactly("station-4", "qa");
            });
  }

  @Test
  void shouldRejectWithMalformedEventWhenTheHeaderLacksASubject() {
    Envelope envelope =
        signed(
            "{\"eventId\":\"e\",\"type\":\"SCANNED\",\"occurredAt\":\"2026-03-01T07:00:00Z\","
                + "\"partnerId\":\"dock-7\",\"site\":\"rotterdam\"}",
            dock);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.MALFORMED_EVENT);
    assertThat(rejection(envelope).field()).isEqualTo("/subject");
  }

  @Test
  void shouldRejectWithMalformedEventWhenTheTypeIsUnknown() {
    Envelope envelope = signed(event("TELEPORTED", "dock-7", "rotterdam"), dock);

    assertThat(rejection(envelope).reason()).isEqualTo(RejectionReason.MALFORMED_EVENT);
    assertThat(rejection(envelope).field()).isEqualTo("/type");
  }

  @Test
  void shouldRejectWithMalformedEnvelopeWhenTheJsonIsNotAnEnvelope() {
    Verification result = verifier.verify("{\"payload\":\"\"}".getBytes(), T0);

    assertRejected(result, RejectionReason.MALFORMED_ENVELOPE, "/payloadType");
  }

  private Rejected rejection(Envelope envelope) {
    Verification result = verifier.verify(envelope, T0);
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected) result;
  }
}
