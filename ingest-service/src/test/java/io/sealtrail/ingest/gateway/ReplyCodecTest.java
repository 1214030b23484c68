package io.sealtrail.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.trust.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The replies topic's wire form of every outcome, and what it refuses. */
class ReplyCodecTest {

  static Stream<SubmissionResult> results() {
    return Stream.of(
        new SubmissionResult.Accepted("ev-1", 2, 41L),
        new SubmissionResult.Accepted(
            "ev-1",
            2,
            41L,
            new Receipt("acme", "ev-1", "7Lh9tKA5vnjbpIq6zEV1nw+Gx1dJ0O7vVdpHGNsDtQk=")),
        new SubmissionResult.Duplicate("ev-1", 2, 41L),
        new SubmissionResult.Rejected(RejectionReason.BAD_SIGNATURE, "/signatures/1/sig", 1, "bad"),
        new SubmissionResult.Rejected(RejectionReason.MALFORMED_ENVELOPE, null, null, "no JSON"));
  }

  @ParameterizedTest
  @MethodSource("results")
  void shouldDecodeTheSameResultWhenEncoded(SubmissionResult result) {
    byte[] wire = ReplyCodec.encode(result);

    SubmissionResult decoded = ReplyCodec.decode(wire);

    assertThat(decoded).isEqualTo(result);
  }

  @Test
  void shouldRefuseReplyWhenOutcomeIsUnknown() {
    byte[] wire = "{\"outcome\":\"MAYBE\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ReplyCodec.decode(wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAYBE");
  }

  @Test
  void shouldRefuseReplyWhenAcceptedNamesNoEvent() {
    byte[] wire = "{\"outcome\":\"ACCEPTED\",\"partition\":1}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ReplyCodec.decode(wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventId");
  }
}
