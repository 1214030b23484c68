package io.sealtrail.trust.dsse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the DSSE envelope reader, the first parser a request body meets. The
 * regression corpus (EnvelopeJsonFuzzTestInputs/) runs in every build; bin/fuzz grows it.
 */
class EnvelopeJsonFuzzTest {

  @FuzzTest
  void shouldReadOrRefuseWithMalformedEnvelopeWhenGivenAnyBytes(byte[] json) {
    Envelope envelope;
    try {
      envelope = EnvelopeJson.read(json);
    } catch (MalformedEnvelopeException e) {
      assertThat(e.field()).isNotBlank();
      return;
    }
    // What was read is a DSSE envelope: it writes back and reads as the same envelope.
    assertThat(envelope.signatures()).isNotEmpty().hasSizeLessThanOrEqualTo(16);
    Envelope again =
        EnvelopeJson.read(EnvelopeJson.write(envelope).getBytes(StandardCharsets.UTF_8));
    assertThat(again).isEqualTo(envelope);
  }
}
