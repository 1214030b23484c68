package io.sealtrail.trust;

import static io.sealtrail.trust.testing.Rejections.assertRejectedSignature;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSignature;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import io.sealtrail.trust.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * verify(sign(e)) holds for any event and key, and any flipped byte breaks it with BAD_SIGNATURE.
 */
class SignVerifyPropertyTest {

  @Property(tries = 200)
  void shouldVerifyWhateverWasSigned(
      @ForAll("events") String event, @ForAll KeyAlgorithm algorithm) {
    Signer key = Fixtures.newKey(algorithm);

    Verification result = verifierFor(key).verify(Fixtures.signed(event, key), Fixtures.T0);

    assertThat(result.accepted()).isTrue();
  }

  /** The parts of an envelope a flipped byte can land in. */
  enum Part {
    PAYLOAD,
    PAYLOAD_TYPE,
    SIGNATURE
  }

  @Property(tries = 600)
  void shouldRejectWithBadSignatureWhenAnyByteIsFlipped(
      @ForAll("events") String event,
      @ForAll KeyAlgorithm algorithm,
      @ForAll Part part,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 127) int mask) {
    Signer key = Fixtures.newKey(algorithm);
    Envelope good = Fixtures.signed(event, key);

    Envelope flipped = flip(good, part, position, mask);

    Verification result = verifierFor(key).verify(flipped, Fixtures.T0);
    assertRejectedSignature(result, RejectionReason.BAD_SIGNATURE, 0);
  }

  private static Envelope flip(Envelope good, Part part, int position, int mask) {
    byte[] payload = good.payload();
    char[] type = good.payloadType().toCharArray();
    EnvelopeSignature signature = good.signatures().get(0);
    byte[] sig = signature.sig();
    // Masks stay below 128 so a flipped payload type character stays a character.
    switch (part) {
      case PAYLOAD -> payload[position % payload.length] ^= (byte) mask;
      case PAYLOAD_TYPE -> type[position % type.length] ^= (char) mask;
      case SIGNATURE -> sig[position % sig.length] ^= (byte) mask;
    }
    return new Envelope(
        new String(type), payload, List.of(new EnvelopeSignature(signature.keyid(), sig)));
  }

  @Property(tries = 500)
  void shouldAnswerWithAVerificationWhateverBytesArrive(@ForAll byte[] bytes) {
    Verification result = verifierFor(Fixtures.ed25519()).verify(bytes, Fixtures.T0);

    assertThat(result.accepted()).isFalse();
  }

  @Property(tries = 500)
  void shouldReadAnEnvelopeOrNameItsDefectWhateverJsonArrives(
      @ForAll("envelopeLikeJson") String json) {
    try {
      Envelope envelope = EnvelopeJson.read(json.getBytes(StandardCharsets.UTF_8));
      assertThat(EnvelopeJson.read(EnvelopeJson.write(envelope).getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(envelope);
    } catch (MalformedEnvelopeException e) {
      assertThat(e.field()).isNotNull();
    }
  }

  @Provide
  Arbitrary<String> events() {
    Arbitrary<String> token =
        Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(24);
    Arbitrary<String> type =
        Arbitraries.of("SCANNED", "ASSEMBLED", "SHIPPED", "PACKED", "SEAL_APPLIED");
    return Combinators.combine(token, type, token, token)
        .as(
            (id, t, site, subject) ->
                "{\"eventId\":\""
                    + id
                    + "\",\"type\":\""
                    + t
                    + "\",\"occurredAt\":\"2026-03-01T07:59:00Z\",\"partnerId\":\"acme\",\"site\":\""
                    + site
                    + "\",\"subject\":\""
                    + subject
                    + "\",\"detail\":{}}");
  }

  @Provide
  Arbitrary<String> envelopeLikeJson() {
    Arbitrary<String> base64ish = Arbitraries.strings().withChars("AZaz09+/-_=").ofMaxLength(12);
    return Combinators.combine(Arbitraries.strings().ofMaxLength(8), base64ish, base64ish)
        .as(
            (type, payload, sig) ->
                "{\"payloadType\":\""
                    + type.replace("\\", "").replace("\"", "")
                    + "\",\"payload\":\""
                    + payload
                    + "\",\"signatures\":[{\"sig\":\""
                    + sig
                    + "\"}]}");
  }

  private static SubmissionVerifier verifierFor(Signer key) {
    PartnerDirectory directory =
        PartnerDirectory.of(List.of(Fixtures.partner("acme", Set.of("MANUFACTURER"), key)));
    return new SubmissionVerifier(() -> directory, Policy.defaults());
  }
}
