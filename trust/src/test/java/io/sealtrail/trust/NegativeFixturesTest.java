package io.sealtrail.trust;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static io.sealtrail.trust.testing.Fixtures.event;
import static io.sealtrail.trust.testing.Fixtures.partner;
import static io.sealtrail.trust.testing.Fixtures.signed;
import static io.sealtrail.trust.testing.Rejections.assertRejected;
import static io.sealtrail.trust.testing.Rejections.assertRejectedSignature;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSignature;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import io.sealtrail.trust.testing.Fixtures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/** Submissions that each carry one defect, named after it, with the exact reason it must earn. */
class NegativeFixturesTest {
  private static final String EVENT = event("SCANNED", "acme", "plant-1");
  private final Signer acmeEd = Fixtures.ed25519();
  private final Signer acmeEc = Fixtures.p256();
  private final Signer other = Fixtures.ed25519();

  private Verification verify(Envelope envelope, Instant receivedAt, Partner... partners) {
    return new SubmissionVerifier(() -> PartnerDirectory.of(List.of(partners)), Policy.defaults())
        .verify(envelope, receivedAt);
  }

  private Verification verify(Envelope envelope) {
    return verify(
        envelope,
        T0,
        partner("acme", Set.of("MANUFACTURER"), acmeEd, acmeEc),
        partner("other", Set.of("DOCK"), other));
  }

  @Test
  void wrongKeyid() {
    Envelope envelope = withSignature(signed(EVENT, acmeEd), "00".repeat(32), null);

    assertRejectedSignature(verify(envelope), RejectionReason.UNKNOWN_KEY, 0);
  }

  @Test
  void keyidOfAnotherRegisteredKey() {
    Envelope envelope = withSignature(signed(EVENT, acmeEd), other.keyId().hex(), null);

    assertRejectedSignature(verify(envelope), RejectionReason.BAD_SIGNATURE, 0);
  }

  @Test
  void missingKeyid() {
    Envelope envelope = withSignature(signed(EVENT, acmeEd), null, null);

    assertRejectedSignature(verify(envelope), RejectionReason.UNKNOWN_KEY, 0);
  }

  @Test
  void truncatedEd25519Signature() {
    Envelope good = signed(EVENT, acmeEd);
    byte[] sig = good.signatures().get(0).sig();

    assertRejectedSignature(
        verify(withSignature(good, acmeEd.keyId().hex(), Arrays.copyOf(sig, 63))),
        RejectionReason.BAD_SIGNATURE,
        0);
  }

  @Test
  void truncatedP256Signature() {
    Envelope good = signed(EVENT, acmeEc);
    byte[] sig = good.signatures().get(0).sig();

    assertRejectedSignature(
        verify(withSignature(good, acmeEc.keyId().hex(), Arrays.copyOf(sig, sig.length - 1))),
        RejectionReason.BAD_SIGNATURE,
        0);
  }

  @Test
  void p256SignatureInRawRsInsteadOfDer() throws Exception {
    Envelope good = signed(EVENT, acmeEc);
    BigInteger[] rs =
        StandardDSAEncoding.INSTANCE.decode(
            NISTNamedCurves.getByName("P-256").getN(), good.signatures().get(0).sig());
    byte[] raw = new byte[64];
    System.arraycopy(unsigned32(rs[0]), 0, raw, 0, 32);
    System.arraycopy(unsigned32(rs[1]), 0, raw, 32, 32);

    assertRejectedSignature(
        verify(withSignature(good, acmeEc.keyId().hex(), raw)), RejectionReason.BAD_SIGNATURE, 0);
  }

  @Test
  void nonCanonicalBase64Signature() {
    String json = EnvelopeJson.write(signed(EVENT, acmeEd));
    String sig =
        Base64.getEncoder().encodeToString(signed(EVENT, acmeEd).signatures().get(0).sig());
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    // 64 bytes end in "x==": the last data character carries four padding bits that must be zero.
    int last = sig.length() - 3;
    String tampered =
        sig.substring(0, last) + alphabet.charAt(alphabet.indexOf(sig.charAt(last)) | 1) + "==";

    Verification result =
        verifier().verify(json.replace(sig, tampered).getBytes(StandardCharsets.UTF_8), T0);

    assertRejected(result, RejectionReason.MALFORMED_ENVELOPE, "/signatures/0/sig");
  }

  @Test
  void payloadTypeSwapped() {
    Envelope good = signed(EVENT, acmeEd);
    Envelope swapped =
        new Envelope("application/vnd.sealtrail.quote", good.payload(), good.signatures());

    assertRejectedSignature(verify(swapped), RejectionReason.BAD_SIGNATURE, 0);
  }

  @Test
  void unsupportedPayloadTypeCorrectlySigned() {
    Envelope envelope =
        io.sealtrail.trust.dsse.EnvelopeSigner.sign(
            "application/json", EVENT.getBytes(StandardCharsets.UTF_8), List.of(acmeEd));

    Verification result = verify(envelope);

    assertRejected(result, RejectionReason.MALFORMED_ENVELOPE, "/payloadType");
  }

  @Test
  void keyRevokedBeforeReceiptOnABackdatedEvent() {
    Instant revokedAt = T0.minus(Duration.ofHours(1));
    Partner revoked =
        partner("acme", Set.of("MANUFACTURER"), acmeEd)
            .withKeyRevoked(acmeEd.keyId().hex(), revokedAt);
    // The event claims a time a month before the revocation; only the receipt instant counts.
    // which is what a backdater controls.
    Envelope backdated =
        signed(
            event("SCANNED", "acme", "plant-1")
                .replace("2026-03-01T07:59:00Z", "2026-02-01T00:00:00Z"),
            acmeEd);

    assertRejectedSignature(verify(backdated, T0, revoked), RejectionReason.REVOKED_KEY, 0);
  }

  @Test
  void keyRevokedAfterReceiptIsStillGood() {
    Partner revokedLater =
        partner("acme", Set.of("MANUFACTURER"), acmeEd)
            .withKeyRevoked(acmeEd.keyId().hex(), T0.plusSeconds(1));

    assertThat(verify(signed(EVENT, acmeEd), T0, revokedLater).accepted()).isTrue();
  }

  @Test
  void keyExpiredBeforeReceipt() {
    Partner expired =
        new Partner(
            "acme",
            Set.of("MANUFACTURER"),
            Set.of(),
            List.of(
                new PartnerKey(
                    acmeEd.verifier(), T0.minusSeconds(7200), T0.minusSeconds(1), null)));

    assertRejectedSignature(
        verify(signed(EVENT, acmeEd), T0, expired), RejectionReason.REVOKED_KEY, 0);
  }

  @Test
  void emptySignatureList() {
    String json =
        "{\"payloadType\":\"" + Fixtures.EVENT_TYPE + "\",\"payload\":\"e30=\",\"signatures\":[]}";

    Verification result = verifier().verify(json.getBytes(StandardCharsets.UTF_8), T0);

    assertRejected(result, RejectionReason.MALFORMED_ENVELOPE, "/signatures");
  }

  private SubmissionVerifier verifier() {
    PartnerDirectory directory =
        PartnerDirectory.of(List.of(partner("acme", Set.of("MANUFACTURER"), acmeEd)));
    return new SubmissionVerifier(() -> directory, Policy.defaults());
  }

  private static Envelope withSignature(Envelope envelope, String keyid, byte[] sig) {
    byte[] bytes = sig != null ? sig : envelope.signatures().get(0).sig();
    return new Envelope(
        envelope.payloadType(), envelope.payload(), List.of(new EnvelopeSignature(keyid, bytes)));
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }
}
