package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.Sealtrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sealtrail partners revoke} over real HTTP against a canned ingest answer (here beside the
 * other command tests, for {@link CannedApi}).
 */
class PartnersRevokeCommandTest {
  private final CannedApi api = CannedApi.started();
  @TempDir Path dir;

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void shouldPostTheReasonAndTheAlertWhenTheKeyIsRevokedFromAnAlert() throws Exception {
    api.answer("/v1/partners/acme/keys/ab12/revoke", 200, "application/json", "{}");
    Path token = Files.writeString(dir.resolve("admin.token"), "admin-token\n");
    var err = new StringWriter();
    var cli =
        Sealtrail.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err));

    int exit =
        cli.execute(
            "partners",
            "revoke",
            "acme",
            "ab12",
            "--reason",
            "key \"leaked\"",
            "--alert",
            "A-1",
            "--url",
            api.url().toString(),
            "--token-file",
            token.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(api.requests)
        .containsExactly(
            "POST /v1/partners/acme/keys/ab12/revoke"
                + " {\"reason\":\"key \\\"leaked\\\"\",\"alertId\":\"A-1\"}");
    assertThat(api.authorizations).containsOnly("Bearer admin-token");
  }
}
