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
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeSignature;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
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
              partner("release", Set.of("RELEASE_MANAGER"), releaseA),
              partner("release-b", Set.of("RELEASE_MANAGER"), releaseB)));
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
  void shouldVerifyAReleaseWhenTwoReleaseManagersSigned() {
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, releaseB);

    assertThat(verifier.verify(envelope, T0).accepted()).isTrue();
  }

  @Test
  void shouldRejectWithInsufficientSignaturesWhenOneReleaseManagerKeySignedTwice() {
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, releaseA);

    Rejected rejected = rejection(envelope);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_SIGNATURES);
    assertThat(rejected.field()).isEqualTo("/signatures");
    assertThat(rejected.detail()).endsWith("2 distinct RELEASE_MANAGER partners, found 1");
  }

  /** The attack of issue #17: one release manager holding two keys releases alone. */
  @Test
  void shouldRejectWithInsufficientSignaturesWhenOneReleaseManagerSignsWithTwoOfItsKeys() {
    PartnerDirectory twoKeys = oneReleaseManagerWithTwoKeys();
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, releaseB);

    Verification result =
        new SubmissionVerifier(() -> twoKeys, Policy.defaults()).verify(envelope, T0);

    assertRejected(result, RejectionReason.INSUFFICIENT_SIGNATURES, "/signatures");
    assertThat(((Rejected) result).detail())
        .endsWith("2 distinct RELEASE_MANAGER partners, found 1");
  }

  @Test
  void shouldVerifyTwoKeysOfOneReleaseManagerWhenTheThresholdCountsKeys() {
    PartnerDirectory twoKeys = oneReleaseManagerWithTwoKeys();
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, releaseB);

    Verification result =
        new SubmissionVerifier(() -> twoKeys, countingKeys()).verify(envelope, T0);

    assertThat(result.accepted()).isTrue();
  }

  private PartnerDirectory oneReleaseManagerWithTwoKeys() {
    return PartnerDirectory.of(
        java.util.List.of(partner("release", Set.of("RELEASE_MANAGER"), releaseA, releaseB)));
  }

  /** The default policy with its release threshold counting distinct keys. */
  private static Policy countingKeys() {
    Policy defaults = Policy.defaults();
    var thresholds = new java.util.HashMap<>(defaults.thresholds());
    thresholds.put(
        io.sealtrail.avro.common.EventType.FIRMWARE_RELEASED,
        new io.sealtrail.trust.policy.SignatureThreshold(
            "RELEASE_MANAGER", 2, io.sealtrail.trust.policy.SignatureThreshold.Distinct.KEYS));
    return new Policy(
        defaults.mayReport(), thresholds, defaults.coSignatures(), defaults.maxEventAge());
  }

  @Test
  void shouldRejectWithInsufficientSignaturesWhenOnePublicKeyIsRegisteredUnderTwoKeyids() {
    Verifier alias = new AliasKeyid(releaseA.verifier(), new KeyId("ab".repeat(32)));
    PartnerDirectory aliased =
        PartnerDirectory.of(
            java.util.List.of(
                new Partner(
                    "release",
                    Set.of("RELEASE_MANAGER"),
                    Set.of(),
                    java.util.List.of(
                        PartnerKey.unbounded(releaseA.verifier()), PartnerKey.unbounded(alias)))));
    Envelope once = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA);
    Envelope twice =
        new Envelope(
            once.payloadType(),
            once.payload(),
            java.util.List.of(
                once.signatures().get(0),
                new EnvelopeSignature(alias.keyId().hex(), once.signatures().get(0).sig())));

    Verification result =
        // Counting keys: the same public key under two keyids is still one key.
        new SubmissionVerifier(() -> aliased, countingKeys()).verify(twice, T0);

    assertRejected(result, RejectionReason.INSUFFICIENT_SIGNATURES, "/signatures");
    assertThat(((Rejected) result).detail()).endsWith("found 1");
  }

  /**
   * A registration of an existing public key under another keyid, as a legacy record could hold.
   */
  private record AliasKeyid(Verifier key, KeyId keyId) implements Verifier {
    @Override
    public KeyAlgorithm algorithm() {
      return key.algorithm();
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
      return key.subjectPublicKeyInfo();
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
      return key.verify(message, signature);
    }
  }

  @Test
  void shouldFlagMissingDualApprovalWhenTheApproversKeyIsRevoked() {
    PartnerDirectory revokedApprover =
        directory.with(
            partner("qa", Set.of("APPROVER"), approver)
                .withKeyRevoked(approver.keyId().hex(), T0.minusSeconds(60)));
    Envelope envelope =
        signed(event("FIRMWARE_FLASHED", "station-4", "plant-1"), station, approver);

    Verification result =
        new SubmissionVerifier(() -> revokedApprover, Policy.defaults()).verify(envelope, T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class,
            v -> {
              assertThat(v.flags()).containsExactly("MISSING_DUAL_APPROVAL");
              assertThat(v.signers())
                  .extracting(VerifiedSigner::partnerId)
                  .containsExactly("station-4");
            });
  }

  @Test
  void shouldFlagMissingDualApprovalWhenTheApproversCoSignatureIsBroken() {
    Envelope good = signed(event("FIRMWARE_FLASHED", "station-4", "plant-1"), station, approver);
    byte[] broken = good.signatures().get(1).sig();
    broken[5] ^= 1;
    Envelope envelope =
        new Envelope(
            good.payloadType(),
            good.payload(),
            java.util.List.of(
                good.signatures().get(0), new EnvelopeSignature(approver.keyId().hex(), broken)));

    Verification result = verifier.verify(envelope, T0);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class, v -> assertThat(v.flags()).containsExactly("MISSING_DUAL_APPROVAL"));
  }

  @Test
  void
      shouldRejectWithInsufficientSignaturesWhenTheSecondReleaseManagerKeyIsOtherPartnersAndRevoked() {
    Signer otherRelease = Fixtures.ed25519();
    PartnerDirectory withRevokedCoSigner =
        directory.with(
            partner("release-2", Set.of("RELEASE_MANAGER"), otherRelease)
                .withKeyRevoked(otherRelease.keyId().hex(), T0.minusSeconds(1)));
    Envelope envelope = signed(event("FIRMWARE_RELEASED", "release", "hq"), releaseA, otherRelease);

    Verification result =
        new SubmissionVerifier(() -> withRevokedCoSigner, Policy.defaults()).verify(envelope, T0);

    assertRejected(result, RejectionReason.INSUFFICIENT_SIGNATURES, "/signatures");
  }

  @Test
  void shouldRejectWithRevokedKeyWhenThePartnersOwnKeyIsRevokedBesideAValidCoSignature() {
    PartnerDirectory revokedStation =
        directory.with(
            partner("station-4", Set.of("STATION"), station)
                .withKeyRevoked(station.keyId().hex(), T0.minusSeconds(60)));
    Envelope envelope =
        signed(event("FIRMWARE_FLASHED", "station-4", "plant-1"), approver, station);

    Verification result =
        new SubmissionVerifier(() -> revokedStation, Policy.defaults()).verify(envelope, T0);

    assertRejected(result, RejectionReason.REVOKED_KEY, "/signatures/1/keyid");
  }

  @Test
  void shouldCarryTheClaimedHeaderWhenRejectingABadSignature() {
    Envelope good = signed(event("RECEIVED", "dock-7", "rotterdam"), dock);
    byte[] broken = good.signatures().get(0).sig();
    broken[0] ^= 1;
    Envelope envelope =
        new Envelope(
            good.payloadType(),
            good.payload(),
            java.util.List.of(new EnvelopeSignature(dock.keyId().hex(), broken)));

    Rejected rejected = rejection(envelope);

    assertThat(rejected.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
    assertThat(rejected.claimedHeader())
        .hasValueSatisfying(
            h -> {
              assertThat(h.partnerId()).isEqualTo("dock-7");
              assertThat(h.site()).isEqualTo("rotterdam");
            });
  }

  @Test
  void shouldCarryTheClaimedHeaderWhenRejectingAnUnknownKey() {
    Rejected rejected = rejection(signed(event("RECEIVED", "dock-7", "rotterdam"), stranger));

    assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
    assertThat(rejected.claimedHeader()).map(h -> h.partnerId()).contains("dock-7");
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
