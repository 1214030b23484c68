package io.sealtrail.translog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.translog.merkle.MerkleHashing;
import io.sealtrail.translog.note.NoteException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
  private static final String ROOT = "CwB/uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIcA=";
  private final NoteVerifier verifier = NoteVerifier.of(NoteVerifierKey.parse(TestKeys.LOG_VKEY));

  @Test
  void shouldRoundTripExtensionLinesAndTheEmptyTree() {
    Checkpoint empty =
        new Checkpoint(TestKeys.ORIGIN, 0, MerkleHashing.emptyRoot(), List.of("x y"));

    String note = empty.sign(TestKeys.logSigner()).toString();

    assertThat(empty.body())
        .isEqualTo(TestKeys.ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nx y\n");
    assertThat(Checkpoint.verify(note, verifier, TestKeys.ORIGIN)).isEqualTo(empty);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "o\n07\n" + ROOT + "\n",
        "o\n+7\n" + ROOT + "\n",
        "o\n-1\n" + ROOT + "\n",
        "o\n 7\n" + ROOT + "\n",
        "o\n99999999999999999999\n" + ROOT + "\n",
        "o\n9223372036854775808\n" + ROOT + "\n",
        "o\n7\nCwB/uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIc==\n",
        "o\n7\nCwB/uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIcA\n",
        "o\n7\nCwB_uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIcA=\n",
        "o\n7\n",
        "\n7\n" + ROOT + "\n",
        "o\n7\n" + ROOT + "\n\nextension after a blank line\n",
        "o\n7\n" + ROOT
      })
  void shouldRejectACheckpointThatIsNotStrictlyWellFormed(String text) {
    assertThatThrownBy(() -> Checkpoint.parse(text))
        .isInstanceOfSatisfying(
            NoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void shouldRejectAVerifiedCheckpointOfAnotherOrigin() {
    assertThatThrownBy(
            () -> Checkpoint.verify(TestKeys.CHECKPOINT_7, verifier, "other.example/log"))
        .isInstanceOfSatisfying(
            NoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ORIGIN));
  }

  @Test
  void shouldParseTheLargestSize() {
    Checkpoint parsed = Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n");

    assertThat(parsed.size()).isEqualTo(Long.MAX_VALUE);
  }
}
