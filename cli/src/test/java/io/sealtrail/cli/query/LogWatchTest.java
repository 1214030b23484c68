package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.translog.merkle.AppendableMerkleTree;
import io.sealtrail.translog.merkle.ConsistencyProof;
import io.sealtrail.translog.merkle.InMemoryNodeStore;
import io.sealtrail.translog.merkle.MerkleTree;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The monitor's judgement of each checkpoint against the last one seen. */
class LogWatchTest {
  private static final String ORIGIN = "sealtrail.example/log";
  private final NoteSigner signer = NoteSigner.generate(ORIGIN);
  private final LogWatch watch = new LogWatch(signer.verifierKey());
  private final MerkleTree tree = tree("honest", 12);

  @Test
  void shouldAcceptAGrownCheckpointWhoseConsistencyProofHolds() throws Exception {
    Checkpoint five = watch.verify(signed(tree, 5));
    Checkpoint twelve = watch.verify(signed(tree, 12));

    assertThat(watch.judge(null, five, this::proof)).contains("first checkpoint seen");
    assertThat(watch.judge(five, twelve, this::proof)).contains("consistent with size 5");
    assertThat(watch.judge(twelve, twelve, this::proof)).contains("unchanged");
  }

  @Test
  void shouldReportARollbackWhenTheSizeGoesDown() {
    Checkpoint twelve = watch.verify(signed(tree, 12));
    Checkpoint five = watch.verify(signed(tree, 5));

    assertThatThrownBy(() -> watch.judge(twelve, five, this::proof))
        .isInstanceOf(LogWatch.Misbehaved.class)
        .hasMessageContaining("rollback");
  }

  @Test
  void shouldReportAForkWhenTwoRootsAreSignedForOneSize() {
    Checkpoint honest = watch.verify(signed(tree, 8));
    Checkpoint other = watch.verify(signed(tree("rewritten", 8), 8));

    assertThatThrownBy(() -> watch.judge(honest, other, this::proof))
        .isInstanceOf(LogWatch.Misbehaved.class)
        .hasMessageContaining("fork");
  }

  @Test
  void shouldReportAForkWhenTheGrownTreeDoesNotExtendTheOldOne() {
    MerkleTree rewritten = tree("rewritten", 12);
    Checkpoint five = watch.verify(signed(tree, 5));
    Checkpoint twelve = watch.verify(signed(rewritten, 12));

    // The log answers with a proof of its rewritten tree: it cannot link the old root.
    assertThatThrownBy(
            () -> watch.judge(five, twelve, (from, to) -> rewritten.consistencyProof(from, to)))
        .isInstanceOf(LogWatch.Misbehaved.class)
        .hasMessageContaining("not consistent with size 5");
  }

  @Test
  void shouldRefuseACheckpointNotSignedByTheLogsKey() {
    String forged =
        new Checkpoint(ORIGIN, 5, tree.rootHash(5)).sign(NoteSigner.generate(ORIGIN)).toString();

    assertThatThrownBy(() -> watch.verify(forged))
        .isInstanceOf(LogWatch.Misbehaved.class)
        .hasMessageContaining("not signed by");
  }

  private ConsistencyProof proof(long from, long to) {
    return tree.consistencyProof(from, to);
  }

  private String signed(MerkleTree of, long size) {
    return new Checkpoint(ORIGIN, size, of.rootHash(size)).sign(signer).toString();
  }

  private static MerkleTree tree(String label, int size) {
    AppendableMerkleTree tree = new AppendableMerkleTree(new InMemoryNodeStore());
    for (int i = 0; i < size; i++) {
      tree.append((label + "-" + i).getBytes(StandardCharsets.UTF_8));
    }
    return tree;
  }
}
