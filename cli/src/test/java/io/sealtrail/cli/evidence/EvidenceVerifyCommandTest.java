package io.sealtrail.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.Sealtrail;
import io.sealtrail.evidence.bundle.BundleJson;
import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.translog.merkle.MerkleHashing;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sealtrail evidence verify}: its exit codes and what it prints (offline, no platform). */
class EvidenceVerifyCommandTest {
  private static final String ORIGIN = "test.example/log";
  private final NoteSigner log = NoteSigner.generate(ORIGIN);

  @TempDir Path dir;

  @Test
  void shouldExitZeroWithOneLineForAnEmptyLogsBundleSignedByTheKey() throws Exception {
    Path file = bundle(log);

    Run run = verify(file.toString(), "--log-key", log.verifierKey().toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Evidence of serial DEV-0 verified: 0 events");
  }

  @Test
  void shouldExitOneNamingTheCheckpointSignedByAnotherKey() throws Exception {
    Path file = bundle(NoteSigner.generate(ORIGIN));

    Run run = verify(file.toString(), "--log-key", log.verifierKey().toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("NOT VERIFIED: 1 failure")
        .contains("FAIL checkpoint: not signed by the log's key " + ORIGIN);
  }

  @Test
  void shouldExitTwoForAFileThatIsNotABundleOrAKeyThatIsNotOne() throws Exception {
    Path file = Files.writeString(dir.resolve("x.json"), "{\"format\":\"other\"}");

    Run notABundle = verify(file.toString(), "--log-key", log.verifierKey().toString());
    Run notAKey = verify(bundle(log).toString(), "--log-key", "nonsense");
    Run missing =
        verify(dir.resolve("none.json").toString(), "--log-key", log.verifierKey().toString());

    assertThat(notABundle.code()).isEqualTo(2);
    assertThat(notABundle.err()).contains("not a sealtrail.evidence.v1 bundle");
    assertThat(notAKey.code()).isEqualTo(2);
    assertThat(notAKey.err()).contains("--log-key");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  /**
   * A bundle of a serial with no events, under the empty tree's checkpoint signed by {@code by}.
   */
  private Path bundle(NoteSigner by) throws Exception {
    String checkpoint = new Checkpoint(ORIGIN, 0, MerkleHashing.emptyRoot()).sign(by).toString();
    var bundle =
        new EvidenceBundle(
            EvidenceBundle.FORMAT,
            new EvidenceBundle.Subject("serial", "DEV-0"),
            "2026-12-07T00:00:00Z",
            new EvidenceBundle.LogHead(by.verifierKey().toString(), checkpoint),
            List.of(),
            List.of(
                new EvidenceBundle.SerialEvidence(
                    "DEV-0", "0".repeat(64), "0".repeat(64), List.of(), List.of(), List.of())));
    return Files.writeString(
        dir.resolve("bundle-" + System.nanoTime() + ".json"), BundleJson.write(bundle));
  }

  private static Run verify(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli =
        Sealtrail.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "evidence";
    all[1] = "verify";
    System.arraycopy(args, 0, all, 2, args.length);
    int code = cli.execute(all);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
