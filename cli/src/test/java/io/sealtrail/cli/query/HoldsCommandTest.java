package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code sealtrail holds} over real HTTP against canned API answers. */
class HoldsCommandTest {
  private static final String TOKEN = "secops-token";
  private static final String HOLD =
      "{\"holdId\":\"h-1\",\"kind\":\"LOT\",\"id\":\"LOT-7\",\"reason\":\"bad caps\","
          + "\"alertId\":\"A-1\",\"placedBy\":\"secops\",\"placedAt\":\"2026-12-07T09:00:00Z\","
          + "\"status\":\"ACTIVE\",\"releasedBy\":null,\"releasedAt\":null,\"releaseReason\":null}";
  private final CannedApi api = CannedApi.started();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void shouldPostTheHoldWithTheAlertWhenPlaced() {
    api.answer("/v1/holds", 201, "application/json", HOLD);

    var run =
        api.sealtrail(
            TOKEN,
            "holds",
            "place",
            "--kind",
            "LOT",
            "--id",
            "LOT-7",
            "--reason",
            "bad \"caps\"",
            "--alert",
            "A-1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("placed h-1", "LOT-7", "(alert A-1)");
    assertThat(api.requests)
        .containsExactly(
            "POST /v1/holds {\"kind\":\"LOT\",\"id\":\"LOT-7\",\"reason\":\"bad \\\"caps\\\"\","
                + "\"alertId\":\"A-1\"}");
    assertThat(api.authorizations).containsOnly("Bearer " + TOKEN);
  }

  @Test
  void shouldHoldEveryLotOfTheAlertsSerialWhenAskedForLots() {
    api.answer(
        "/v1/alerts/A-1",
        200,
        "application/json",
        "{\"alertId\":\"A-1\",\"subject\":{\"kind\":\"SERIAL\",\"id\":\"DEV-1\"},\"attributes\":{}}");
    api.answer(
        "/v1/serials/DEV-1",
        200,
        "application/json",
        "{\"serial\":\"DEV-1\",\"components\":[{\"partNumber\":\"C\",\"lot\":\"LOT-7\"},"
            + "{\"partNumber\":\"D\",\"lot\":\"LOT-8\"},{\"partNumber\":\"E\",\"lot\":\"LOT-7\"}]}");
    api.answer("/v1/holds", 201, "application/json", HOLD);

    var run = api.sealtrail(TOKEN, "holds", "from-alert", "A-1", "--what", "lots", "--reason", "r");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(api.requests)
        .filteredOn(r -> r.startsWith("POST"))
        .containsExactly(
            "POST /v1/holds {\"kind\":\"LOT\",\"id\":\"LOT-7\",\"reason\":\"r\",\"alertId\":\"A-1\"}",
            "POST /v1/holds {\"kind\":\"LOT\",\"id\":\"LOT-8\",\"reason\":\"r\",\"alertId\":\"A-1\"}");
  }

  @Test
  void shouldHoldTheAlertsImageWhenAskedForTheImage() {
    String image = "ab".repeat(32);
    api.answer(
        "/v1/alerts/A-2",
        200,
        "application/json",
        "{\"subject\":{\"kind\":\"SERIAL\",\"id\":\"DEV-1\"},\"attributes\":{\"imageSha256\":\""
            + image
            + "\"}}");
    api.answer("/v1/holds", 201, "application/json", HOLD);

    var run =
        api.sealtrail(TOKEN, "holds", "from-alert", "A-2", "--what", "image", "--reason", "r");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(api.requests)
        .last()
        .isEqualTo(
            "POST /v1/holds {\"kind\":\"FIRMWARE\",\"id\":\""
                + image
                + "\",\"reason\":\"r\",\"alertId\":\"A-2\"}");
  }

  @Test
  void shouldListHoldsAsLinesOrJson() {
    api.answer("/v1/holds?status=ACTIVE", 200, "application/json", "{\"holds\":[" + HOLD + "]}");

    var lines = api.sealtrail(TOKEN, "holds", "list", "--status", "ACTIVE");
    var json = api.sealtrail(TOKEN, "holds", "list", "--status", "ACTIVE", "--json");

    assertThat(lines.out()).contains("1 holds", "h-1", "ACTIVE", "LOT-7", "bad caps");
    assertThat(json.out()).contains("\"holdId\" : \"h-1\"");
  }

  @Test
  void shouldSayWhyAndExitOneWhenTheHoldWasAlreadyReleased() {
    api.answer("/v1/holds/h-1/release", CannedApi.problem(409, "hold h-1 was released by x"));

    var run = api.sealtrail(TOKEN, "holds", "release", "h-1", "--reason", "done");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("holds release: error:", "hold h-1 was released by x");
    assertThat(api.requests).containsExactly("POST /v1/holds/h-1/release {\"reason\":\"done\"}");
  }

  @Test
  void shouldAnswerHelpForEverySubcommand() {
    for (String sub : new String[] {"place", "list", "release", "from-alert"}) {
      var run = api.sealtrail(TOKEN, "holds", sub, "--help");
      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("Usage: sealtrail holds " + sub);
    }
  }
}
