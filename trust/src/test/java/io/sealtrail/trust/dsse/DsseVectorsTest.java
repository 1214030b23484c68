package io.sealtrail.trust.dsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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

    List<SignatureCheck> checks =
        SignatureCheck.all(
            envelope,
            id -> Optional.ofNullable("A".equals(id) ? KEY_A : "B".equals(id) ? KEY_B : null));

    assertThat(checks)
        .extracting(SignatureCheck::status)
        .containsExactly(Status.VALID, Status.VALID);
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
