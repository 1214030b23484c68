package io.sealtrail.translog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.translog.note.NoteException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The verifier rules: unknown keys ignored, a bad known signature rejects, one must verify. */
class NoteVerifierTest {
  private final NoteVerifierKey logKey = NoteVerifierKey.parse(TestKeys.LOG_VKEY);
  private final NoteVerifier verifier = NoteVerifier.of(logKey);

  @Test
  void shouldRejectTheReferenceCheckpointWithItsSizeChanged() {
    String tampered = TestKeys.CHECKPOINT_7.replace("log\n7\n", "log\n8\n");

    assertFails(() -> verifier.verify(tampered), Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldRejectANoteSignedOnlyByUnknownKeys() {
    NoteVerifier other = NoteVerifier.of(NoteVerifierKey.parse(TestKeys.NEUMANN_VKEY));

    assertFails(() -> other.verify(TestKeys.CHECKPOINT_7), Reason.UNKNOWN_KEY);
  }

  @Test
  void shouldRejectASignatureUnderTheRightNameButAnotherKeyId() {
    SignedNote note = SignedNote.parse(TestKeys.CHECKPOINT_7);
    NoteSignature sig = note.signatures().get(0);
    SignedNote renamed =
        new SignedNote(
            note.text(),
            List.of(new NoteSignature(sig.keyName(), sig.keyId() ^ 1, sig.signature())));

    assertFails(() -> verifier.verify(renamed), Reason.UNKNOWN_KEY);
  }

  @Test
  void shouldIgnoreAWitnessCosignatureFromAnUnknownKey() {
    SignedNote note = SignedNote.parse(TestKeys.CHECKPOINT_7);
    NoteSigner witness = NoteSigner.generate("witness.example");
    SignedNote cosigned = note.with(witness.sign(note.text()));

    NoteVerifier.VerifiedNote verified = verifier.verify(cosigned.toString());

    assertThat(verified.verifiedBy()).containsExactly(logKey);
    assertThat(NoteVerifier.of(logKey, witness.verifierKey()).verify(cosigned).verifiedBy())
        .containsExactly(logKey, witness.verifierKey());
  }

  @Test
  void shouldRejectTheWholeNoteWhenAnyKnownKeysSignatureFails() {
    SignedNote note = SignedNote.parse(TestKeys.CHECKPOINT_7);
    NoteSigner witness = NoteSigner.generate("witness.example");
    NoteSignature forged = witness.sign("another text\n");

    assertFails(
        () -> NoteVerifier.of(logKey, witness.verifierKey()).verify(note.with(forged)),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldRejectASignatureOfTheWrongLength() {
    SignedNote note = SignedNote.parse(TestKeys.CHECKPOINT_7);
    NoteSignature sig = note.signatures().get(0);
    byte[] shorter = Arrays.copyOf(sig.signature(), 63);
    SignedNote cut =
        new SignedNote(
            note.text(), List.of(new NoteSignature(sig.keyName(), sig.keyId(), shorter)));

    assertFails(() -> verifier.verify(cut), Reason.BAD_SIGNATURE);
  }

  @Test
  void shouldCapTheNumberOfSignatureLinesButAcceptSixteen() {
    SignedNote note = SignedNote.parse(TestKeys.CHECKPOINT_7);
    List<NoteSignature> sixteen =
        new ArrayList<>(Collections.nCopies(16, note.signatures().get(0)));
    String many =
        note.toString()
            + String.join(
                "",
                Collections.nCopies(
                    SignedNote.MAX_SIGNATURES, note.signatures().get(0).line() + "\n"));

    assertThat(verifier.verify(new SignedNote(note.text(), sixteen)).verifiedBy()).hasSize(16);
    assertFails(() -> verifier.verify(many), Reason.TOO_MANY_SIGNATURES);
  }

  @Test
  void shouldRejectMalformedNotes() {
    String note = TestKeys.CHECKPOINT_7;
    String line = note.substring(note.indexOf('\u2014'));

    assertFails(() -> verifier.verify(note.replace("\n\n", "\n")), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.replace("\u2014 ", "- ")), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.substring(0, note.length() - 1)), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.replace("DAE=", "DAE")), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.replace("log Rfry", "log  Rfry")), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.replace("7\n", "7\r\n")), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.replace(line, "")), Reason.MALFORMED);
    assertFails(() -> verifier.verify(note.replace(line, "\u2014 x AAAA\n")), Reason.MALFORMED);
    assertFails(() -> verifier.verify("\n\n" + line), Reason.MALFORMED);
  }

  @Test
  void shouldRejectVerifierKeysWhoseKeyIdDoesNotMatchOrThatAreNotEd25519() {
    assertFails(
        () -> NoteVerifierKey.parse(TestKeys.LOG_VKEY.replace("45faf2e2", "45faf2e3")),
        Reason.MALFORMED);
    assertFails(
        () -> NoteVerifierKey.parse(TestKeys.LOG_VKEY.replace("+AZ/7", "+Ap/7")), Reason.MALFORMED);
    assertFails(() -> NoteVerifierKey.parse("sealtrail.example/log+45faf2e2"), Reason.MALFORMED);
    assertFails(
        () -> NoteVerifierKey.parse(TestKeys.LOG_VKEY.replace("sealtrail", "seal trail")),
        Reason.MALFORMED);
    assertFails(
        () -> NoteSigner.parsePrivateKey(TestKeys.LOG_PRIVATE.replace("45faf2e2", "00000000")),
        Reason.MALFORMED);
  }

  private static void assertFails(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(NoteException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
