package io.sealtrail.trust.dsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeJsonTest {

  @Test
  void shouldReadBackWhatItWrites() {
    Envelope envelope =
        new Envelope(
            "application/vnd.sealtrail.event+json",
            utf8("{\"a\":1}"),
            List.of(
                new EnvelopeSignature("ab".repeat(32), new byte[] {1, 2, 3}),
                new EnvelopeSignature(null, new byte[64])));

    Envelope read = EnvelopeJson.read(utf8(EnvelopeJson.write(envelope)));

    assertThat(read).isEqualTo(envelope);
  }

  @Test
  void shouldWriteFieldsInDsseOrderWithStandardBase64() {
    Envelope envelope =
        new Envelope(
            "t",
            new byte[] {(byte) 0xfb, (byte) 0xff},
            List.of(new EnvelopeSignature("k", new byte[] {(byte) 0xff})));

    String json = EnvelopeJson.write(envelope);

    assertThat(json)
        .isEqualTo(
            "{\"payloadType\":\"t\",\"payload\":\"+/8=\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"/w==\"}]}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nonZeroTrailingBits | aGVsbG9=  | payload",
        "missingPadding      | aGVsbG8   | payload",
        "embeddedNewline     | aGVs\\nbG8= | payload",
        "mixedAlphabets      | +_8=      | payload",
        "illegalCharacter    | aGVs*G8=  | payload"
      })
  void shouldRefuseNonCanonicalBase64(String defect, String payload, String field) {
    String json =
        "{\"payloadType\":\"t\",\"payload\":\""
            + payload
            + "\",\"signatures\":[{\"sig\":\"AA==\"}]}";

    assertThatThrownBy(() -> EnvelopeJson.read(utf8(json)))
        .isInstanceOfSatisfying(
            MalformedEnvelopeException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "notJson            | {                                                          | $",
        "notAnObject        | []                                                         | $",
        "missingPayloadType | {\"payload\":\"\",\"signatures\":[{\"sig\":\"AA==\"}]}    | payloadType",
        "numericPayloadType | {\"payloadType\":1,\"payload\":\"\",\"signatures\":[]}   | payloadType",
        "noSignatures       | {\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[]} | signatures",
        "signatureNotObject | {\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[1]} | signatures[0]",
        "sigMissing         | {\"payloadType\":\"t\",\"payload\":\"\",\"signatures\":[{\"keyid\":\"k\"}]} | signatures[0].sig",
        "duplicateField     | {\"payloadType\":\"t\",\"payloadType\":\"u\",\"payload\":\"\",\"signatures\":[{\"sig\":\"AA==\"}]} | $"
      })
  void shouldNameTheFieldOfAMalformedEnvelope(String defect, String json, String field) {
    assertThatThrownBy(() -> EnvelopeJson.read(utf8(json)))
        .isInstanceOfSatisfying(
            MalformedEnvelopeException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
