package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.query.CannedApi.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code alerts ack|assign|resolve}, {@code report response} and {@code --json} over real HTTP
 * against canned API answers.
 */
class TriageCommandsTest {
  private static final String TOKEN = "t0k3n";
  private static final String ID = "SEAL_BROKEN:DEV-1@1777622400000";
  private static final String PATH = "/v1/alerts/SEAL_BROKEN%3ADEV-1%401777622400000";
  private static final String ALERT =
      "{\"alertId\":\"" + ID + "\",\"type\":\"SEAL_BROKEN\",\"status\":\"OPEN\"}";
  private static final String REPORT =
      "{\"from\":\"2026-05-01T00:00:00Z\",\"to\":\"2026-06-01T00:00:00Z\",\"rows\":[{\"type\":"
          + "\"SEAL_BROKEN\",\"severity\":\"HIGH\",\"incidents\":3,\"escalated\":1,\"folded\":0,"
          + "\"outcomes\":{\"TRUE_POSITIVE\":2,\"UNRESOLVED\":1},\"timeToDetect\":{\"fromReceipt\":"
          + "{\"count\":3,\"p50Seconds\":1.5,\"p90Seconds\":2.0},\"fromOccurrence\":{\"count\":3,"
          + "\"p50Seconds\":4.0,\"p90Seconds\":9.0}},\"timeToAcknowledge\":{\"count\":2,"
          + "\"p50Seconds\":60.0,\"p90Seconds\":120.0},\"timeToResolve\":{\"count\":2,"
          + "\"p50Seconds\":3600.0,\"p90Seconds\":7200.0}}]}";

  private final CannedApi api = new CannedApi();

  TriageCommandsTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void shouldPostTheResolutionWithOutcomeAndNoteWhenResolving() {
    api.answer(PATH + "/resolve", 202, "application/json", ALERT);

    Run run =
        api.sealtrail(
            TOKEN, "alerts", "resolve", ID, "--outcome", "FALSE_POSITIVE", "--note", "glitch");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains(ID + ": resolved as FALSE_POSITIVE");
    assertThat(api.requests)
        .containsExactly(
            "POST " + PATH + "/resolve {\"note\":\"glitch\",\"outcome\":\"FALSE_POSITIVE\"}");
  }

  @Test
  void shouldSendNothingAndExitOneWhenAResolutionHasNoNote() {
    Run run = api.sealtrail(TOKEN, "alerts", "resolve", ID, "--outcome", "BENIGN");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--note is required");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void shouldPostTheAssigneeAndPrintTheAnswerAsJsonWhenAskedForJson() {
    api.answer(PATH + "/assign", 202, "application/json", ALERT);

    Run run = api.sealtrail(TOKEN, "alerts", "assign", ID, "--to", "alice", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(ALERT);
    assertThat(api.requests).containsExactly("POST " + PATH + "/assign {\"assignee\":\"alice\"}");
  }

  @Test
  void shouldSayWhyAndExitOneWhenTheServiceRefusesTheCommand() {
    api.answer(PATH + "/acknowledge", CannedApi.problem(409, "alert is RESOLVED"));
    api.answer(
        PATH + "/assign",
        new CannedApi.Answer(
            400,
            "application/problem+json",
            "{\"status\":400,\"detail\":\"assignee is required\",\"field\":\"/assignee\"}",
            java.util.Map.of()));

    Run ack = api.sealtrail(TOKEN, "alerts", "ack", ID, "--note", "mine");
    Run assign = api.sealtrail(TOKEN, "alerts", "assign", ID, "--to", " ");

    assertThat(ack.exit()).isEqualTo(1);
    assertThat(ack.err()).contains("not possible now (409): alert is RESOLVED");
    assertThat(assign.exit()).isEqualTo(1);
    assertThat(assign.err()).contains("(400): assignee is required (field /assignee)");
  }

  @Test
  void shouldPrintTheReportAsATableCsvOrJsonWhenAsked() {
    String path = "/v1/reports/response?from=2026-05-01T00%3A00%3A00Z&to=2026-06-01T00%3A00%3A00Z";
    api.answer(path, 200, "application/json", REPORT);
    String[] period = {"--from", "2026-05-01T00:00:00Z", "--to", "2026-06-01T00:00:00Z"};

    Run table = api.sealtrail(TOKEN, concat(new String[] {"report", "response"}, period));
    Run csv = api.sealtrail(TOKEN, concat(new String[] {"report", "response", "--csv"}, period));
    Run json = api.sealtrail(TOKEN, concat(new String[] {"report", "response", "--json"}, period));

    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("SEAL_BROKEN")
        .contains("TRUE_POSITIVE 2, UNRESOLVED 1")
        .contains("1.5/2.0")
        .contains("3600.0/7200.0");
    assertThat(csv.out().lines().toList())
        .hasSize(2)
        .element(1)
        .isEqualTo("SEAL_BROKEN,HIGH,3,1,0,2,0,0,0,1,0,1.5,2.0,4.0,9.0,60.0,120.0,3600.0,7200.0");
    assertThat(json.out().strip()).isEqualTo(REPORT);
  }

  @Test
  void shouldPrintTheServicesJsonWhenAQueryIsAskedForJson() {
    String list = "{\"alerts\":[" + ALERT + "],\"truncated\":false}";
    api.answer("/v1/alerts?status=OPEN", 200, "application/json", list);
    api.answer(
        "/v1/lots/LOT-1/trace", 200, "application/json", "{\"lot\":\"LOT-1\",\"devices\":[]}");

    Run alerts = api.sealtrail(TOKEN, "alerts", "--status", "OPEN", "--json");
    Run trace = api.sealtrail(TOKEN, "trace", "LOT-1", "--json");

    assertThat(alerts.out().strip()).isEqualTo(list);
    assertThat(trace.out().strip()).isEqualTo("{\"lot\":\"LOT-1\",\"devices\":[]}");
  }

  @Test
  void shouldAnswerHelpWhenAskedOnEveryTriageCommand() {
    for (String[] command :
        new String[][] {
          {"alerts", "ack"},
          {"alerts", "assign"},
          {"alerts", "resolve"},
          {"report", "response"},
          {"report"},
          {"alerts"}
        }) {
      Run run = api.sealtrail(TOKEN, concat(command, new String[] {"--help"}));
      assertThat(run.exit()).as(String.join(" ", command)).isZero();
      assertThat(run.out()).contains("Usage: sealtrail " + String.join(" ", command));
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
