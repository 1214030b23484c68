package io.sealtrail.trust.dsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The DSSE project's published PAE vectors: protocol.md and testvectors/vectors.json. */
class PaeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String IN_TOTO = "application/vnd.in-toto+json";
  private static final String STATEMENT = "{\"_type\":\"https://in-toto.io/Statement/v1\"}";

  @Test
  void shouldEncodeTheProtocolExample() {
    byte[] pae = Pae.encode("http://example.com/HelloWorld", utf8("hello world"));

    assertThat(new String(pae, StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void shouldEncodeTheSingleSignatureVector() {
    byte[] pae = Pae.encode(IN_TOTO, utf8(STATEMENT));

    assertThat(HEX.formatHex(pae))
        .isEqualTo(
            "445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203433207b225f74797065223a2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d");
  }

  @Test
  void shouldCountBytesNotCharactersWhenThePayloadTypeIsNotAscii() {
    byte[] pae = Pae.encode("application/vnd.exämple+json", utf8(STATEMENT));

    assertThat(HEX.formatHex(pae))
        .isEqualTo(
            "445353457631203239206170706c69636174696f6e2f766e642e6578c3a46d706c652b6a736f6e203433207b225f74797065223a2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d");
  }

  @Test
  void shouldEndWithASpaceWhenThePayloadIsEmpty() {
    byte[] pae = Pae.encode(IN_TOTO, new byte[0]);

    assertThat(HEX.formatHex(pae))
        .isEqualTo(
            "445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203020");
  }

  @Test
  void shouldEncodeBinaryPayloadsByteForByte() {
    byte[] pae = Pae.encode(IN_TOTO, HEX.parseHex("fbffbf3e3f"));

    assertThat(HEX.formatHex(pae))
        .isEqualTo(
            "445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203520fbffbf3e3f");
  }

  @Test
  void shouldEncodeAnEmptyPayloadType() {
    byte[] pae = Pae.encode("", utf8(STATEMENT));

    assertThat(HEX.formatHex(pae))
        .isEqualTo(
            "445353457631203020203433207b225f74797065223a2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
