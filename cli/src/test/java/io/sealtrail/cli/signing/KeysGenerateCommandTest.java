package io.sealtrail.cli.signing;

import static io.sealtrail.cli.signing.CliRun.sealtrail;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeysGenerateCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"ed25519, ED25519", "p256, ECDSA_P256"})
  void shouldWriteAnOwnerOnlyPrivateKeyAndPrintTheKeyId(String alg, KeyAlgorithm expected)
      throws IOException {
    CliRun run =
        sealtrail(
            "keys",
            "generate",
            "--alg",
            alg,
            "--out",
            dir.resolve("keys").toString(),
            "--name",
            "dock7");

    Path privateKey = dir.resolve("keys/dock7.key.pem");
    var signer = Signers.forKey(Pem.readPrivateKey(Files.readString(privateKey)));
    assertThat(run.exitCode()).isZero();
    assertThat(signer.algorithm()).isEqualTo(expected);
    assertThat(run.out()).contains("keyid: " + signer.keyId());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    assertThat(Pem.readPublicKey(Files.readString(dir.resolve("keys/dock7.pub.pem"))))
        .isEqualTo(signer.subjectPublicKeyInfo());
  }

  @Test
  void shouldRefuseToOverwriteAnExistingKey() throws IOException {
    sealtrail("keys", "generate", "--alg", "ed25519", "--out", dir.toString());
    String before = Files.readString(dir.resolve("partner.key.pem"));

    CliRun again = sealtrail("keys", "generate", "--alg", "ed25519", "--out", dir.toString());

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err().strip())
        .startsWith("sealtrail keys generate: error: already exists")
        .doesNotContain("\n")
        .doesNotContain("Exception");
    assertThat(Files.readString(dir.resolve("partner.key.pem"))).isEqualTo(before);
  }

  @Test
  void shouldLeaveNoPrivateKeyBehindWhenThePublicKeyFileExists() throws IOException {
    Files.writeString(dir.resolve("partner.pub.pem"), "someone else's key");

    CliRun run = sealtrail("keys", "generate", "--alg", "p256", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("partner.key.pem")).doesNotExist();
  }

  @Test
  void shouldNameTheSupportedAlgorithmsWhenGivenAnotherOne() {
    CliRun run = sealtrail("keys", "generate", "--alg", "rsa", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unsupported algorithm 'rsa'")
        .contains("ed25519")
        .contains("p256");
  }

  @Test
  void shouldDescribeItsOptionsWhenAskedForHelp() {
    CliRun run = sealtrail("keys", "generate", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--alg").contains("--out").contains("owner-only");
  }
}
