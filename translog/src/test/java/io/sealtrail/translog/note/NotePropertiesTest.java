package io.sealtrail.translog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sealtrail.translog.merkle.Hash;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** verify(sign(checkpoint)) holds, any changed byte breaks it, and the parsers only refuse. */
class NotePropertiesTest {
  private static final NoteSigner SIGNER = TestKeys.logSigner();
  private static final NoteVerifier VERIFIER = NoteVerifier.of(SIGNER.verifierKey());

  // Ed25519 in the JDK costs about a millisecond per signature: 100 tries keep this test quick.
  @Property(tries = 100)
  void shouldVerifyWhatItSignsAndRejectAnyChangedByte(
      @ForAll @LongRange(min = 0) long size,
      @ForAll @Size(32) byte[] root,
      @ForAll @IntRange(max = 10_000) int position,
      @ForAll @IntRange(min = 0, max = 7) int bit) {
    Checkpoint checkpoint = new Checkpoint(TestKeys.ORIGIN, size, Hash.of(root));
    byte[] note = checkpoint.sign(SIGNER).toString().getBytes(StandardCharsets.UTF_8);
    byte[] changed = note.clone();
    changed[position % note.length] ^= (byte) (1 << bit);

    assertThat(
            Checkpoint.verify(new String(note, StandardCharsets.UTF_8), VERIFIER, TestKeys.ORIGIN))
        .isEqualTo(checkpoint);
    assertThat(catchThrowable(() -> VERIFIER.verify(new String(changed, StandardCharsets.UTF_8))))
        .isInstanceOf(NoteException.class);
  }

  @Property(tries = 300)
  void shouldRefuseArbitraryTextWithANoteExceptionOnly(@ForAll String text) {
    for (Runnable parser :
        new Runnable[] {
          () -> SignedNote.parse(text),
          () -> Checkpoint.parse(text),
          () -> NoteVerifierKey.parse(text),
          () -> NoteSigner.parsePrivateKey(text),
          () -> VERIFIER.verify(text)
        }) {
      Throwable thrown = catchThrowable(parser::run);
      assertThat(thrown == null || thrown instanceof NoteException).as("%s", thrown).isTrue();
    }
  }
}
