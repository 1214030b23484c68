package io.sealtrail.trust.dsse;

import static io.sealtrail.trust.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.Verification;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Envelopes from the DSSE project's test vectors (keys A and B are RFC 8032 TEST 1 and 2) and the
 * P-256 example of protocol.md, checked with Sealtrail's codec and verifiers.
 */
class DsseVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Verifier KEY_A =
      Verifiers.forKey(
          HEX.parseHex(
              "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
  private static final Verifier KEY_B =
      Verifiers.forKey(
          HEX.parseHex(
              "302a300506032b65700321003d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
  private static final String STATEMENT_B64 =
      "eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEifQ==";
  private static final String SIG_A =
      "2WAfaHm5jluo0w+0rk8uVkluELJYWjSmU9x7EUzx+AyteDGJ4/nqyJXfmAUVFIAoQafWm7AxBZNw5M9ixNHiCA==";
  private static final String SIG_EMPTY_TYPE =
      "iC3q/+3Rm0+lpAJRueDmDh15PnwCfxKmS0NAfKsbv+zgulXQC/WM9trc+j1XEqlwDIg/vf/uNfebeD6sxInrDg==";
  private static final String SIG_B =
      "c1+67/aT0yqEpwx8PsVY3MLHsj9D0CZ014/Fv/QlG59P+9CobUZ7xECJ/V3USG0Ob9CiE5LjReEZUzNF2l7eBw==";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "single-signature, application/vnd.in-toto+json, " + STATEMENT_B64 + ", " + SIG_A,
    "url-safe-base64, application/vnd.in-toto+json, -_-_Pj8=,"
        + " P-_KHICeR7tI6S_YyejJTRtrXhcQyQ2LYPaL8h90KjC9qN8HU_svOQ6TuDOT1HIrsGW886DbWNWcCmX5twLrAw==",
    "non-ascii-payload-type, application/vnd.exämple+json, "
        + STATEMENT_B64
        + ","
        + " xmSk/ug66ysT7ayhkCIjhAq42zgZXSsEWuzUaNL7w2eGAdF/NU6/fRXPtmfN+5DNSAs5/i2lUnHjbbjPsu0tAw==",
    "empty-payload, application/vnd.in-toto+json, '',"
        + " gSggCAaTLTYyRH6FIDBem6meyIynsYy8RTHVzwx9tnTb7Bg/1jMWnuVgI/gffqmbsC2VX5/jHfkkDqsj7CDbDg=="
  })
  void shouldAcceptTheVectorsExpectedToPass(
      String id, String payloadType, String payload, String sig) {
    Envelope envelope = read(payloadType, payload, sig);

    assertThat(statuses(envelope, KEY_A)).containsExactly(Status.VALID);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "single-signature, application/vnd.in-toto+json, "
        + STATEMENT_B64
        + ", 445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203433207b225f74797065223a2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d",
    "url-safe-base64, application/vnd.in-toto+json, -_-_Pj8=,"
        + " 445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203520fbffbf3e3f",
    "non-ascii-payload-type, application/vnd.exämple+json, "
        + STATEMENT_B64
        + ", 445353457631203239206170706c69636174696f6e2f766e642e6578c3a46d706c652b6a736f6e203433207b225f74797065223a2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d",
    "empty-payload, application/vnd.in-toto+json, '',"
        + " 445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203020",
    "empty-payload-type, '', "
        + STATEMENT_B64
        + ", 445353457631203020203433207b225f74797065223a2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d"
  })
  void shouldEncodeThePublishedPae(String id, String payloadType, String payload, String pae) {
    Envelope envelope = read(payloadType, payload, SIG_A);

    assertThat(HEX.formatHex(Pae.encode(envelope.payloadType(), envelope.payload())))
        .isEqualTo(pae);
  }

  @Test
  void shouldRefuseTheEmptyPayloadTypeThoughItsSignatureVerifies() {
    Envelope vector = read("", STATEMENT_B64, SIG_EMPTY_TYPE);
    Envelope envelope =
        new Envelope(
            vector.payloadType(),
            vector.payload(),
            List.of(new EnvelopeSignature(KEY_A.keyId().hex(), vector.signatures().get(0).sig())));

    Verification result = vectorsPartner().verify(envelope, Instant.EPOCH);

    assertThat(statuses(vector, KEY_A)).containsExactly(Status.VALID);
    assertRejected(result, RejectionReason.MALFORMED_ENVELOPE, "/payloadType");
  }

  @Test
  void shouldCountOneKeyOnceWhenItSignsTwice() {
    Envelope envelope = twoSignatures(SIG_A, "A", SIG_A, "A");

    List<SignatureCheck> checks = SignatureCheck.all(envelope, DsseVectorsTest::trusted);

    assertThat(checks).extracting(SignatureCheck::status).containsOnly(Status.VALID);
    assertThat(distinctValidKeys(checks)).as("threshold two is not met").isEqualTo(1);
  }

  @Test
  void shouldVerifySignaturesWithoutKeyidsButRefuseThemUnderTheSealtrailContract() {
    Envelope envelope = twoSignatures(SIG_A, null, SIG_B, null);
    byte[] pae = envelope.pae();

    Verification result = vectorsPartner().verify(envelope, Instant.EPOCH);

    // DSSE makes KEYID optional; the reference verifier tries every trusted key and accepts.
    assertThat(KEY_A.verify(pae, envelope.signatures().get(0).sig())).isTrue();
    assertThat(KEY_B.verify(pae, envelope.signatures().get(1).sig())).isTrue();
    // Sealtrail's contract requires the keyid, so trying every registered key is never needed.
    assertRejected(result, RejectionReason.UNKNOWN_KEY, "/signatures/0/keyid");
  }

  @Test
  void shouldRefuseTheSignatureWhenThePayloadTypeIsSwapped() {
    Envelope envelope = read("application/vnd.example.other+json", STATEMENT_B64, SIG_A);

    assertThat(statuses(envelope, KEY_A)).containsExactly(Status.INVALID);
  }

  @Test
  void shouldVerifyBothSignaturesOfTheTwoKeyVector() {
    Envelope envelope =
        EnvelopeJson.read(
            utf8(
                "{\"payload\":\""
                    + STATEMENT_B64
                    + "\",\"payloadType\":\"application/vnd.in-toto+json\","
                    + "\"signatures\":[{\"sig\":\""
                    + SIG_A
                    + "\",\"keyid\":\"A\"},{\"sig\":\""
                    + SIG_B
                    + "\",\"keyid\":\"B\"}]}"));

    List<SignatureCheck> checks = SignatureCheck.all(envelope, DsseVectorsTest::trusted);

    assertThat(checks)
        .extracting(SignatureCheck::status)
        .containsExactly(Status.VALID, Status.VALID);
    assertThat(distinctValidKeys(checks)).as("threshold two is met").isEqualTo(2);
  }

  @Test
  void shouldVerifyTheProtocolP256ExampleOnceItsRawSignatureIsDerEncoded() throws Exception {
    Verifier key =
        Verifiers.forKey(
            p256Spki(
                "46950820868899156662930047687818585632848591499744589407958293238635476079160",
                "5640078356564379163099075877009565129882514886557779369047442380624545832820"));
    byte[] raw =
        Base64.getDecoder()
            .decode(
                "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
    byte[] pae = Pae.encode("http://example.com/HelloWorld", utf8("hello world"));

    byte[] der =
        StandardDSAEncoding.INSTANCE.encode(
            NISTNamedCurves.getByName("P-256").getN(),
            new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)),
            new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)));

    assertThat(key.verify(pae, der)).isTrue();
    assertThat(key.verify(pae, raw)).as("raw r||s is not the contract's DER").isFalse();
  }

  private static SubmissionVerifier vectorsPartner() {
    Partner partner =
        new Partner(
            "vectors",
            Set.of("DOCK"),
            Set.of(),
            List.of(PartnerKey.unbounded(KEY_A), PartnerKey.unbounded(KEY_B)));
    return new SubmissionVerifier(() -> PartnerDirectory.of(List.of(partner)), Policy.defaults());
  }

  private static Optional<Verifier> trusted(String keyid) {
    return Optional.ofNullable("A".equals(keyid) ? KEY_A : "B".equals(keyid) ? KEY_B : null);
  }

  private static long distinctValidKeys(List<SignatureCheck> checks) {
    return checks.stream()
        .filter(c -> c.status() == Status.VALID)
        .map(c -> trusted(c.keyid()).orElseThrow())
        .distinct()
        .count();
  }

  private static Envelope twoSignatures(String sig0, String keyid0, String sig1, String keyid1) {
    Envelope one = read("application/vnd.in-toto+json", STATEMENT_B64, sig0);
    Envelope two = read("application/vnd.in-toto+json", STATEMENT_B64, sig1);
    return new Envelope(
        one.payloadType(),
        one.payload(),
        List.of(
            new EnvelopeSignature(keyid0, one.signatures().get(0).sig()),
            new EnvelopeSignature(keyid1, two.signatures().get(0).sig())));
  }

  private static byte[] p256Spki(String x, String y) {
    return HEX.parseHex(
        "3059301306072a8648ce3d020106082a8648ce3d03010703420004"
            + String.format("%064x", new BigInteger(x))
            + String.format("%064x", new BigInteger(y)));
  }

  private static Envelope read(String payloadType, String payload, String sig) {
    return EnvelopeJson.read(
        utf8(
            "{\"payload\":\""
                + payload
                + "\",\"payloadType\":\""
                + payloadType
                + "\",\"signatures\":[{\"sig\":\""
                + sig
                + "\",\"keyid\":\"A\"}]}"));
  }

  private static List<Status> statuses(Envelope envelope, Verifier key) {
    return SignatureCheck.all(envelope, id -> Optional.of(key)).stream()
        .map(SignatureCheck::status)
        .toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
