package io.sealtrail.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** New, duplicate or replay: the hash against the one accepted under the same id. */
class DedupVerdictTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  @Test
  void shouldBeNewWhenNothingWasAcceptedUnderTheId() {
    Optional<String> accepted = Optional.empty();

    DedupVerdict verdict = DedupVerdict.of(accepted, SHA_A);

    assertThat(verdict).isEqualTo(DedupVerdict.NEW);
  }

  @Test
  void shouldBeDuplicateWhenTheSamePayloadWasAccepted() {
    Optional<String> accepted = Optional.of(SHA_A);

    DedupVerdict verdict = DedupVerdict.of(accepted, SHA_A);

    assertThat(verdict).isEqualTo(DedupVerdict.DUPLICATE);
  }

  @Test
  void shouldBeReplayWhenAnotherPayloadWasAcceptedUnderTheId() {
    Optional<String> accepted = Optional.of(SHA_A);

    DedupVerdict verdict = DedupVerdict.of(accepted, SHA_B);

    assertThat(verdict).isEqualTo(DedupVerdict.REPLAY);
  }
}
