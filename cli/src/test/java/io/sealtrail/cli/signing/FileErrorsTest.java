package io.sealtrail.cli.signing;

import static io.sealtrail.cli.signing.CliRun.sealtrail;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.Sealtrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every failure is one line naming the file and the problem, with a documented exit code. */
class FileErrorsTest {
  @TempDir Path dir;

  @Test
  void shouldNameAKeyFileThatIsNotUtf8() throws IOException {
    Path key = Files.write(dir.resolve("key.pem"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    Files.writeString(dir.resolve("event.json"), "{}");

    CliRun sign = sealtrail("sign", "--key", key.toString(), dir.resolve("event.json").toString());

    assertThat(sign.exitCode()).isEqualTo(2);
    assertThat(sign.err().strip()).isEqualTo("sealtrail sign: error: " + key + ": not UTF-8");
  }

  @Test
  void shouldNameAKeyPathThatIsADirectory() throws IOException {
    Path keys = Files.createDirectory(dir.resolve("keys"));
    Files.writeString(dir.resolve("envelope.json"), "{}");

    CliRun verify =
        sealtrail("verify", "--pub", keys.toString(), dir.resolve("envelope.json").toString());

    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.err().strip())
        .isEqualTo("sealtrail verify: error: " + keys + ": is a directory");
  }

  @Test
  void shouldNameAnEventFileThatIsNotUtf8() throws IOException {
    sealtrail("keys", "generate", "--alg", "ed25519", "--out", dir.toString());
    Path event = Files.write(dir.resolve("event.json"), new byte[] {'{', (byte) 0xc3, '}'});

    CliRun sign =
        sealtrail("sign", "--key", dir.resolve("partner.key.pem").toString(), event.toString());

    assertThat(sign.exitCode()).isEqualTo(2);
    assertThat(sign.err().strip())
        .startsWith("sealtrail sign: error: " + event)
        .endsWith("not UTF-8");
  }

  @Test
  void shouldExitWithTwoNotOneWhenACommandCrashes() {
    CommandLine commandLine = Sealtrail.commandLine().addSubcommand("crash", new Crash());

    CliRun run = CliRun.run(commandLine, "crash");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("crash: something unexpected").doesNotContain("\n");
  }

  @Test
  void shouldListTheExitCodesInTheHelpOfSignAndVerify() {
    assertThat(sealtrail("sign", "--help").out())
        .contains("Exit codes:")
        .contains("0   envelope printed")
        .contains("unexpected error");
    assertThat(sealtrail("verify", "--help").out())
        .contains("Exit codes:")
        .contains("1   invalid")
        .contains("unexpected error");
  }

  @Command(name = "crash")
  private static final class Crash implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("something unexpected");
    }
  }
}
