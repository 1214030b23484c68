package io.sealtrail.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeSplitterTest {
  private static final String FIRST = "{ \"payload\" : \"YQ==\", \"x\": [1, {\"y\": \"}\"}] }";
  private static final String SECOND = "{\"payloadType\":\"caf\u00e9\\u0041\"}";

  @Test
  void shouldKeepEveryByteOfEachElementWhenSplittingAnArray() {
    byte[] body = bytes("[\n  " + FIRST + " ,\t" + SECOND + "\n]\n");

    SplitBody split = EnvelopeSplitter.json(body);

    assertThat(texts(split.envelopes())).containsExactly(FIRST, SECOND);
    assertThat(split.batch()).isTrue();
  }

  @Test
  void shouldReturnTheObjectAsIsWhenTheBodyIsOneEnvelope() {
    SplitBody split = EnvelopeSplitter.json(bytes("  " + FIRST + "\r\n"));

    assertThat(texts(split.envelopes())).containsExactly(FIRST);
    assertThat(split.batch()).isFalse();
  }

  @Test
  void shouldSplitLinesWhenTheBodyIsNdjson() {
    SplitBody split = EnvelopeSplitter.ndjson(bytes(FIRST + "\n" + SECOND + "\n\n"));

    assertThat(texts(split.envelopes())).containsExactly(FIRST, SECOND);
    assertThat(split.batch()).isTrue();
  }

  @Test
  void shouldNameTheLineWhenAnNdjsonLineIsNotAnObject() {
    assertThatThrownBy(() -> EnvelopeSplitter.ndjson(bytes(FIRST + "\n\"text\"\n")))
        .isInstanceOfSatisfying(
            UnreadableBodyException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void shouldRefuseContentAfterTheEnvelopeWhenTheBodyIsJson() {
    assertThatThrownBy(() -> EnvelopeSplitter.json(bytes(FIRST + " " + SECOND)))
        .isInstanceOf(UnreadableBodyException.class)
        .hasMessageContaining("content after the envelope");
  }

  @Test
  void shouldRefuseAnEmptyArrayWhenNoEnvelopeIsGiven() {
    assertThatThrownBy(() -> EnvelopeSplitter.json(bytes("[]")))
        .isInstanceOf(UnreadableBodyException.class)
        .hasMessageContaining("no envelopes");
  }

  @Test
  void shouldGiveTheByteOffsetWhenTheJsonIsBroken() {
    assertThatThrownBy(() -> EnvelopeSplitter.json(bytes("[{\"a\":1},{\"a\":}]")))
        .isInstanceOfSatisfying(
            UnreadableBodyException.class, e -> assertThat(e.byteOffset()).isEqualTo(14));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<byte[]> envelopes) {
    return envelopes.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }
}
