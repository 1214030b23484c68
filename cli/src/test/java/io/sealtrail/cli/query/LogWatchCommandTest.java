package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.query.CannedApi.Run;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.AppendableMerkleTree;
import io.sealtrail.translog.merkle.InMemoryNodeStore;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sealtrail log watch --once} over real HTTP against canned checkpoints and proofs. */
class LogWatchCommandTest {
  private static final String ORIGIN = "sealtrail.example/log";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final CannedApi api = new CannedApi();
  private final NoteSigner signer = NoteSigner.generate(ORIGIN);
  private final AppendableMerkleTree tree = new AppendableMerkleTree(new InMemoryNodeStore());
  @TempDir Path dir;

  LogWatchCommandTest() throws Exception {
    for (int i = 0; i < 12; i++) {
      tree.append(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void shouldKeepTheLastCheckpointAndCheckTheNextAgainstItAcrossRuns() throws Exception {
    Path state = dir.resolve("watch.state");
    api.answer("/v1/log/checkpoint", 200, TEXT, signed(5));
    Run first = watch(state);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("size 5").contains("first checkpoint seen");
    assertThat(Files.readString(state)).isEqualTo(signed(5));

    api.answer("/v1/log/checkpoint", 200, TEXT, signed(12));
    api.answer(
        "/v1/log/proof/consistency?from=5&to=12",
        200,
        "application/json",
        ProofJson.consistency(tree.consistencyProof(5, 12)));
    Run second = watch(state);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("size 12").contains("consistent with size 5");
    assertThat(Files.readString(state)).isEqualTo(signed(12));
  }

  @Test
  void shouldExitThreeOnARollbackToASmallerSize() throws Exception {
    Path state = dir.resolve("watch.state");
    Files.writeString(state, signed(12));
    api.answer("/v1/log/checkpoint", 200, TEXT, signed(7));

    Run run = watch(state);

    assertThat(run.exit()).isEqualTo(LogWatchCommand.MISBEHAVED);
    assertThat(run.err()).contains("rollback").contains("size 7 after size 12");
    assertThat(Files.readString(state)).isEqualTo(signed(12));
  }

  @Test
  void shouldExitThreeWhenTheCheckpointIsSignedByAnotherKey() {
    String forged =
        new Checkpoint(ORIGIN, 5, tree.rootHash(5)).sign(NoteSigner.generate(ORIGIN)).toString();
    api.answer("/v1/log/checkpoint", 200, TEXT, forged);

    Run run = watch(dir.resolve("none"));

    assertThat(run.exit()).isEqualTo(LogWatchCommand.MISBEHAVED);
    assertThat(run.err()).contains("not signed by");
  }

  @Test
  void shouldExitOneOnAKeyThatIsNoVerifierKey() {
    Run run = sealtrail("log", "watch", "--once", "--key", "not-a-key");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--key");
  }

  private String signed(long size) {
    return new Checkpoint(ORIGIN, size, tree.rootHash(size)).sign(signer).toString();
  }

  private Run watch(Path state) {
    return sealtrail(
        "log",
        "watch",
        "--once",
        "--key",
        signer.verifierKey().toString(),
        "--state",
        state.toString());
  }

  private Run sealtrail(String... args) {
    return api.sealtrail("t0k3n", args);
  }
}
