package io.sealtrail.translog.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigstore.encryption.signers.Verifier;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.merkle.InclusionProofVerificationException;
import dev.sigstore.merkle.InclusionProofVerifier;
import dev.sigstore.rekor.client.Checkpoints;
import dev.sigstore.rekor.client.RekorEntry;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.merkle.MerkleTree;
import io.sealtrail.translog.merkle.Trees;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import io.sealtrail.translog.note.TestKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our checkpoints and inclusion proofs checked by an independent implementation from Maven Central:
 * sigstore-java parses the signed note, verifies its Ed25519 signature with the published key, and
 * verifies every inclusion proof against the root it read from the checkpoint.
 */
class SigstoreInteropTest {
  private static final int MAX = 24;
  private final MerkleTree tree = Trees.sealtrail(MAX);
  private final NoteSigner signer = TestKeys.logSigner();

  @Test
  void shouldHaveSigstoreParseAndVerifyEveryCheckpointWeSign() throws Exception {
    Verifier verifier = Verifiers.newVerifier(signer.verifierKey().publicKey());
    for (long size = 0; size <= MAX; size++) {
      Checkpoint ours = new Checkpoint(TestKeys.ORIGIN, size, tree.rootHash(size));

      RekorEntry.Checkpoint theirs = Checkpoints.from(ours.sign(signer).toString());

      assertThat(theirs.getOrigin()).isEqualTo(TestKeys.ORIGIN);
      assertThat(theirs.getSize()).isEqualTo(size);
      assertThat(theirs.getBase64Hash()).isEqualTo(tree.rootHash(size).base64());
      assertThat(theirs.getSignatures()).hasSize(1);
      RekorEntry.CheckpointSignature signature = theirs.getSignatures().get(0);
      assertThat(signature.getIdentity()).isEqualTo(TestKeys.ORIGIN);
      assertThat(ByteBuffer.wrap(signature.getKeyHint()).getInt())
          .isEqualTo(signer.verifierKey().keyId());
      byte[] signedBytes = signedBytes(theirs);
      assertThat(signedBytes).isEqualTo(ours.body().getBytes(StandardCharsets.UTF_8));
      assertThat(verifier.verify(signedBytes, signature.getSignature())).isTrue();
      signedBytes[signedBytes.length - 2] ^= 1;
      assertThat(verifier.verify(signedBytes, signature.getSignature())).isFalse();
    }
  }

  @Test
  void shouldHaveSigstoreParseTheReferenceCheckpointAndItsKeyHint() throws Exception {
    RekorEntry.Checkpoint theirs = Checkpoints.from(TestKeys.CHECKPOINT_7);

    assertThat(theirs.getSize()).isEqualTo(7L);
    assertThat(HexFormat.of().formatHex(theirs.getSignatures().get(0).getKeyHint()))
        .isEqualTo("45faf2e2");
  }

  @Test
  void shouldHaveSigstoreVerifyEveryInclusionProofAgainstTheCheckpointsRoot() throws Exception {
    for (long size = 1; size <= MAX; size++) {
      RekorEntry.Checkpoint checkpoint =
          Checkpoints.from(
              new Checkpoint(TestKeys.ORIGIN, size, tree.rootHash(size)).sign(signer).toString());
      byte[] root = Base64.getDecoder().decode(checkpoint.getBase64Hash());
      for (long index = 0; index < size; index++) {
        InclusionProof proof = tree.inclusionProof(index, size);

        InclusionProofVerifier.verify(
            proof.leafHash().bytes(), index, size, bytes(proof.hashes()), root);
      }
    }
  }

  @Test
  void shouldHaveSigstoreRejectOurProofWhenAHashOrTheIndexChanges() {
    InclusionProof proof = tree.inclusionProof(5, 8);
    byte[] root = tree.rootHash(8).bytes();
    List<byte[]> flipped = bytes(proof.hashes());
    flipped.get(1)[7] ^= 1;

    assertThatThrownBy(
            () -> InclusionProofVerifier.verify(proof.leafHash().bytes(), 5, 8, flipped, root))
        .isInstanceOf(InclusionProofVerificationException.class);
    assertThatThrownBy(
            () ->
                InclusionProofVerifier.verify(
                    proof.leafHash().bytes(), 4, 8, bytes(proof.hashes()), root))
        .isInstanceOf(InclusionProofVerificationException.class);
  }

  /** sigstore hands out the signed data as a string; the note signs its UTF-8 bytes. */
  private static byte[] signedBytes(RekorEntry.Checkpoint checkpoint) {
    return checkpoint.getSignedData().getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> bytes(List<Hash> hashes) {
    List<byte[]> out = new ArrayList<>();
    hashes.forEach(h -> out.add(h.bytes()));
    return out;
  }
}
