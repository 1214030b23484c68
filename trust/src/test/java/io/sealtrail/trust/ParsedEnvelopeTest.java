package io.sealtrail.trust;

import static io.sealtrail.trust.testing.Fixtures.ed25519;
import static io.sealtrail.trust.testing.Fixtures.event;
import static io.sealtrail.trust.testing.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.EnvelopeJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A submission read once: what each verification step later takes from it. */
class ParsedEnvelopeTest {
  private final Signer key = ed25519();

  @Test
  void shouldHoldTheEnvelopeAndTheClaimedHeaderWhenBothCanBeRead() {
    byte[] json = bytes(EnvelopeJson.write(signed(event("SEAL_APPLIED", "acme", "S1"), key)));

    ParsedEnvelope parsed = ParsedEnvelope.parse(json);

    assertThat(parsed.envelope()).isPresent();
    assertThat(parsed.claimed())
        .hasValueSatisfying(h -> assertThat(h.partnerId()).isEqualTo("acme"));
    assertThat(parsed.payload()).isPresent();
    assertThat(parsed.firstKeyId()).contains(key.verifier().keyId().hex());
    assertThat(parsed.envelopeDefect()).isEmpty();
    assertThat(parsed.headerDefect()).isEmpty();
  }

  @Test
  void shouldKeepTheFirstKeyIdWhenTheEnvelopeIsMalformedButAJsonObject() {
    String json =
        "{\"payloadType\":\"x\",\"payload\":\"%%%\",\"signatures\":[{\"keyid\":\"k1\",\"sig\":\"AA==\"}]}";

    ParsedEnvelope parsed = ParsedEnvelope.parse(bytes(json));

    assertThat(parsed.envelope()).isEmpty();
    assertThat(parsed.envelopeDefect())
        .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("payload"));
    assertThat(parsed.firstKeyId()).contains("k1");
    assertThat(parsed.claimed()).isEmpty();
  }

  @Test
  void shouldNameTheHeaderDefectWhenThePayloadClaimsNoValidHeader() {
    byte[] json =
        bytes(EnvelopeJson.write(signed("{\"eventId\":\"e1\",\"partnerId\":\"acme\"}", key)));

    ParsedEnvelope parsed = ParsedEnvelope.parse(json);

    assertThat(parsed.envelope()).isPresent();
    assertThat(parsed.claimed()).isEmpty();
    assertThat(parsed.payload())
        .hasValueSatisfying(p -> assertThat(p.path("partnerId").textValue()).isEqualTo("acme"));
    assertThat(parsed.headerDefect())
        .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("type"));
  }

  @Test
  void shouldReadNothingWhenTheBytesAreNotJson() {
    ParsedEnvelope parsed = ParsedEnvelope.parse(bytes("{{"));

    assertThat(parsed.envelopeDefect())
        .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo("$"));
    assertThat(parsed.firstKeyId()).isEmpty();
    assertThat(parsed.payload()).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
