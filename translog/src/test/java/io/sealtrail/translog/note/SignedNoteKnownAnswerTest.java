package io.sealtrail.translog.note;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.translog.merkle.Trees;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The reference's signed-note known answers (§6.2 Go's sumdb/note example, §6.3 our checkpoint).
 */
class SignedNoteKnownAnswerTest {

  @Test
  void shouldReproduceGoSumdbNoteExampleByteForByte() {
    NoteSigner signer = NoteSigner.parsePrivateKey(TestKeys.NEUMANN_PRIVATE);
    String text =
        "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";

    NoteSignature signature = signer.sign(text);

    assertThat(signer.verifierKey().toString()).isEqualTo(TestKeys.NEUMANN_VKEY);
    assertThat(signature.line())
        .isEqualTo(
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqf"
                + "qdngotpRZb6KE6RyyBwJnAM=");
  }

  @Test
  void shouldDeriveTheReferenceKeyIdAndVerifierKey() {
    NoteVerifierKey key = NoteVerifierKey.parse(TestKeys.LOG_VKEY);

    assertThat(key.keyIdHex()).isEqualTo("45faf2e2");
    assertThat(HexFormat.of().formatHex(key.rawPublicKey()))
        .isEqualTo("9ffb34019fa1d03e4ad2d150855fa8775be1e43c99166313485c908969a016ae");
    assertThat(TestKeys.logSigner().verifierKey()).isEqualTo(key);
    assertThat(key.toString()).isEqualTo(TestKeys.LOG_VKEY);
  }

  @Test
  void shouldSignTheReferenceCheckpointOfSizeSevenByteForByte() {
    Checkpoint checkpoint = new Checkpoint(TestKeys.ORIGIN, 7, Trees.sealtrail(7).rootHash(7));

    SignedNote note = checkpoint.sign(TestKeys.logSigner());

    assertThat(checkpoint.body().getBytes(StandardCharsets.UTF_8)).hasSize(69);
    assertThat(note.toString()).isEqualTo(TestKeys.CHECKPOINT_7);
    assertThat(note.toString().getBytes(StandardCharsets.UTF_8)).hasSize(189);
    assertThat(HexFormat.of().formatHex(note.signatures().get(0).signature()))
        .isEqualTo(
            "c37cd0c9ae66cfc1e737417235d87d2b58a77953b0123070d0ae402184e386f3"
                + "dcac01cdd55c6ecdb6a040881f6d7fe4b031fd38749961ddb50a5a54c28b0c01");
  }

  @Test
  void shouldVerifyAndParseTheReferenceCheckpoint() {
    NoteVerifier verifier = NoteVerifier.of(NoteVerifierKey.parse(TestKeys.LOG_VKEY));

    Checkpoint checkpoint = Checkpoint.verify(TestKeys.CHECKPOINT_7, verifier, TestKeys.ORIGIN);

    assertThat(checkpoint.size()).isEqualTo(7);
    assertThat(checkpoint.rootHash()).isEqualTo(Trees.sealtrail(7).rootHash(7));
    assertThat(checkpoint.extensions()).isEmpty();
  }

  @Test
  void shouldWriteThePrivateKeyStringItWasParsedFrom() {
    NoteSigner generated = NoteSigner.generate("fresh.example/log");

    assertThat(TestKeys.logSigner().privateKeyString()).isEqualTo(TestKeys.LOG_PRIVATE);
    assertThat(NoteSigner.parsePrivateKey(generated.privateKeyString()).verifierKey())
        .isEqualTo(generated.verifierKey());
  }
}
