package io.sealtrail.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micronaut.http.HttpStatus;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of the request body splitter, the first code a POST /v1/events body
 * meets. Whatever the bytes, it answers envelopes (each from '{' to its '}', byte for byte as sent)
 * or the documented 400 unreadable-body, never another exception (a 500). Regression corpus:
 * EnvelopeSplitterFuzzTestInputs/.
 */
class EnvelopeSplitterFuzzTest {
  @FuzzTest
  void shouldSplitOrAnswer400WhenGivenAnyJsonBody(byte[] body) {
    SplitBody split = splitOrRefused(EnvelopeSplitter::json, body);
    if (split != null && !split.batch()) {
      assertThat(split.envelopes()).hasSize(1);
    }
  }

  @FuzzTest
  void shouldSplitOrAnswer400WhenGivenAnyNdjsonBody(byte[] body) {
    SplitBody split = splitOrRefused(EnvelopeSplitter::ndjson, body);
    if (split != null) {
      assertThat(split.batch()).isTrue();
    }
  }

  private static SplitBody splitOrRefused(Function<byte[], SplitBody> splitter, byte[] body) {
    SplitBody split;
    try {
      split = splitter.apply(body);
    } catch (UnreadableBodyException e) {
      assertThat(e.problem().status()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
      assertThat(e.byteOffset()).isBetween(0L, (long) body.length);
      return null;
    }
    assertThat(split.envelopes()).isNotEmpty();
    for (byte[] envelope : split.envelopes()) {
      // Each envelope is a run of the body's own bytes holding one JSON object.
      assertThat(envelope).startsWith((byte) '{').endsWith((byte) '}');
      assertThat(indexOf(body, envelope)).isNotNegative();
    }
    return split;
  }

  private static int indexOf(byte[] body, byte[] part) {
    for (int i = 0; i + part.length <= body.length; i++) {
      if (Arrays.equals(body, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }
}
