package io.sealtrail.translog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.translog.merkle.ProofVerificationException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Sizes 0 and 1, requests the log cannot answer, and the reference's negative vectors. */
class ProofEdgeCasesTest {
  private final MerkleTree tree = Trees.sealtrail(8);

  @Test
  void shouldAnswerTheEmptyTreeWithTheHashOfNothingAndNoInclusionProof() {
    MerkleTree empty = Trees.sealtrail(0);

    assertThat(empty.rootHash(0)).isEqualTo(MerkleHashing.emptyRoot());
    assertRequestFails(
        () -> empty.inclusionProof(0, 0), ProofRequestException.Reason.INDEX_OUT_OF_RANGE);
    assertThat(empty.consistencyProof(0, 0).hashes()).isEmpty();
  }

  @Test
  void shouldGiveEmptyConsistencyProofsFromZeroAndBetweenEqualSizes() {
    ConsistencyProof fromZero = tree.consistencyProof(0, 8);
    ConsistencyProof same = tree.consistencyProof(5, 5);

    assertThat(fromZero.hashes()).isEmpty();
    assertThat(fromZero.verifies(MerkleHashing.emptyRoot(), tree.rootHash(8))).isTrue();
    assertThat(same.hashes()).isEmpty();
    assertThat(same.verifies(tree.rootHash(5), tree.rootHash(5))).isTrue();
  }

  @Test
  void shouldRefuseRequestsBeyondTheTreeOrWithIndicesOutOfRange() {
    assertRequestFails(() -> tree.rootHash(9), ProofRequestException.Reason.SIZE_BEYOND_TREE);
    assertRequestFails(() -> tree.rootHash(-1), ProofRequestException.Reason.SIZE_BEYOND_TREE);
    assertRequestFails(
        () -> tree.inclusionProof(0, 9), ProofRequestException.Reason.SIZE_BEYOND_TREE);
    assertRequestFails(
        () -> tree.inclusionProof(5, 5), ProofRequestException.Reason.INDEX_OUT_OF_RANGE);
    assertRequestFails(
        () -> tree.inclusionProof(-1, 5), ProofRequestException.Reason.INDEX_OUT_OF_RANGE);
    assertRequestFails(
        () -> tree.consistencyProof(3, 9), ProofRequestException.Reason.SIZE_BEYOND_TREE);
    assertRequestFails(
        () -> tree.consistencyProof(6, 5), ProofRequestException.Reason.FROM_AFTER_TO);
    assertRequestFails(
        () -> tree.consistencyProof(-1, 5), ProofRequestException.Reason.FROM_AFTER_TO);
  }

  @Test
  void shouldRejectTheReferenceNegativeInclusionVectors() {
    InclusionProof good = tree.inclusionProof(6, 7);
    InclusionProof wrongIndex = new InclusionProof(5, 7, good.leafHash(), good.hashes());
    InclusionProof twoSeven = tree.inclusionProof(2, 7);
    Hash root7 = tree.rootHash(7);

    // Index 5 is a right child where 6 was the right edge: the walk ends one level short.
    assertVerifyFails(() -> wrongIndex.verify(root7), Reason.PATH_TOO_SHORT);
    assertVerifyFails(
        () -> withHashes(twoSeven, twoSeven.hashes().subList(0, 2)).verify(root7),
        Reason.PATH_TOO_SHORT);
    assertVerifyFails(
        () -> withHashes(twoSeven, append(twoSeven.hashes(), root7)).verify(root7),
        Reason.PATH_TOO_LONG);
  }

  @Test
  void shouldRejectAnInclusionIndexNotBelowTheSize() {
    // sigstore-java 2.0.0 accepts index 1 of a size-1 tree with an empty path; we must not.
    InclusionProof proof = new InclusionProof(1, 1, tree.leafHash(0), List.of());

    assertVerifyFails(() -> proof.verify(tree.rootHash(1)), Reason.INDEX_OUT_OF_RANGE);
  }

  @Test
  void shouldRejectTheReferenceNegativeConsistencyVectors() {
    ConsistencyProof fourEight = tree.consistencyProof(4, 8);
    Hash root4 = tree.rootHash(4);
    Hash root8 = tree.rootHash(8);

    // With a power-of-two old size the old root seeds the walk, so the new root is what differs.
    assertVerifyFails(() -> fourEight.verify(root8, root4), Reason.NEW_ROOT_MISMATCH);
    assertVerifyFails(
        () -> new ConsistencyProof(8, 4, fourEight.hashes()).verify(root8, root4),
        Reason.SIZE_DECREASED);
    assertVerifyFails(
        () -> new ConsistencyProof(5, 5, List.of(root4)).verify(root4, root4),
        Reason.PATH_TOO_LONG);
    assertVerifyFails(
        () -> new ConsistencyProof(0, 8, List.of()).verify(root4, root8), Reason.OLD_ROOT_MISMATCH);
    assertVerifyFails(
        () -> new ConsistencyProof(3, 7, List.of()).verify(tree.rootHash(3), tree.rootHash(7)),
        Reason.PATH_TOO_SHORT);
    assertVerifyFails(
        () -> new ConsistencyProof(4, 4, List.of()).verify(root4, root8), Reason.NEW_ROOT_MISMATCH);
  }

  @Test
  void shouldNotAuthenticateTheTreeSizeWhichIsWhyRootsComeFromCheckpoints() {
    // Leaf 0 of size 3 and of size 4 climb the same way: the size must come from a signed note.
    InclusionProof ofThree = tree.inclusionProof(0, 3);

    assertThat(
            new InclusionProof(0, 4, ofThree.leafHash(), ofThree.hashes())
                .verifies(tree.rootHash(3)))
        .isTrue();
    assertThat(ofThree.verifies(tree.rootHash(4))).isFalse();
  }

  private static InclusionProof withHashes(InclusionProof proof, List<Hash> hashes) {
    return new InclusionProof(proof.leafIndex(), proof.treeSize(), proof.leafHash(), hashes);
  }

  private static List<Hash> append(List<Hash> hashes, Hash extra) {
    List<Hash> out = new ArrayList<>(hashes);
    out.add(extra);
    return out;
  }

  private static void assertRequestFails(
      ThrowingCallable call, ProofRequestException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProofRequestException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void assertVerifyFails(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProofVerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
