package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sealtrail layouts} over real HTTP against canned API answers. */
class LayoutsCommandTest {
  private static final String TOKEN = "admin-token";
  private static final String LAYOUT =
      "{\"product\":\"GW-200\",\"version\":3,\"changedAt\":\"2026-12-07T09:00:00Z\","
          + "\"changedBy\":\"alice\",\"steps\":[{\"name\":\"assemble\",\"type\":\"ASSEMBLED\"}],"
          + "\"bomRevisions\":{}}";
  private final CannedApi api = CannedApi.started();
  @TempDir Path dir;

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void shouldPrintTheLayoutInForceWhenAskedForIt() {
    api.answer("/v1/layouts/GW-200", 200, "application/json", LAYOUT);

    var run = api.sealtrail(TOKEN, "layouts", "get", "GW-200");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"version\" : 3", "\"changedBy\" : \"alice\"");
    assertThat(api.requests).containsExactly("GET /v1/layouts/GW-200 ");
  }

  @Test
  void shouldPutTheFileAndSayTheNewVersionWhenSet() throws Exception {
    Path file = Files.writeString(dir.resolve("layout.json"), "{\"steps\":[]}");
    api.answer("/v1/layouts/GW-200", 200, "application/json", LAYOUT);

    var run = api.sealtrail(TOKEN, "layouts", "set", "GW-200", file.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("GW-200: layout version 3 set by alice", "(1 steps)");
    assertThat(api.requests).containsExactly("PUT /v1/layouts/GW-200 {\"steps\":[]}");
    assertThat(api.authorizations).containsOnly("Bearer " + TOKEN);
  }

  @Test
  void shouldNameThePointerAndExitOneWhenTheDocumentIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("layout.json"), "{\"steps\":[]}");
    api.answer(
        "/v1/layouts/GW-200",
        422,
        "application/problem+json",
        "{\"type\":\"https://sealtrail.io/problems/invalid-layout\",\"status\":422,"
            + "\"detail\":\"a layout has 1 to 64 steps, got 0\",\"field\":\"/steps\"}");

    var run = api.sealtrail(TOKEN, "layouts", "set", "GW-200", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("refused (422)", "1 to 64 steps", "(field /steps)");
  }

  @Test
  void shouldExitOneWithoutCallingWhenTheFileIsMissing() {
    var run = api.sealtrail(TOKEN, "layouts", "set", "GW-200", dir.resolve("none.json").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no such file");
    assertThat(api.requests).isEmpty();
  }
}
