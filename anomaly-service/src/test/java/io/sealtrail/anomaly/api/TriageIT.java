package io.sealtrail.anomaly.api;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.anomaly.fixtures.ApiClient;
import io.sealtrail.anomaly.fixtures.ApiClient.Answer;
import io.sealtrail.anomaly.lifecycle.AlertCommands;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertOutcome;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditEntryJson;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triage over real HTTP on the embedded broker: assign, resolve with an outcome and its 400s, each
 * action in the audit log under the caller's name, resolved alerts found after they left the view,
 * and the response report, identical after a restart.
 */
class TriageIT {
  // Clients must authenticate, as on a deployed cluster: every client the node makes must carry
  // the configured security settings, or the API cannot write (#21: found by review).
  @RegisterExtension static final EmbeddedKafka KAFKA = EmbeddedKafka.withSasl();

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  private static AnomalyHarness harness;
  private static ApiClient secops;

  @BeforeAll
  static void start() throws Exception {
    harness = new AnomalyHarness(KAFKA);
    secops = new ApiClient(harness.url(), harness.token(Role.SECOPS));
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void shouldAssignAndResolveWithOutcomeAndAuditEachActionWhenSecopsTriages() throws Exception {
    String id = raise("DEV-T1");

    Answer assign =
        secops.post("/v1/alerts/" + id + "/assign", "{\"assignee\":\"alice\",\"note\":\"yours\"}");
    assertThat(assign.status()).as(assign.body()).isEqualTo(202);
    JsonNode assigned = awaitAlert(id, a -> "alice".equals(a.path("assignee").asText()));
    assertThat(assigned.get("status").asText()).isEqualTo("OPEN");
    JsonNode step = assigned.get("history").get(1);
    assertThat(step.get("assignee").asText()).isEqualTo("alice");
    assertThat(step.get("note").asText()).isEqualTo("yours");

    Answer resolve =
        secops.post(
            "/v1/alerts/" + id + "/resolve",
            "{\"outcome\":\"FALSE_POSITIVE\",\"note\":\"a scanner glitch\"}");
    assertThat(resolve.status()).as(resolve.body()).isEqualTo(202);
    JsonNode resolved = awaitAlert(id, a -> "RESOLVED".equals(a.get("status").asText()));
    assertThat(resolved.get("outcome").asText()).isEqualTo("FALSE_POSITIVE");
    assertThat(resolved.get("assignee").asText()).isEqualTo("alice");
    JsonNode last = resolved.get("history").get(2);
    assertThat(last.get("outcome").asText()).isEqualTo("FALSE_POSITIVE");
    assertThat(last.get("note").asText()).isEqualTo("a scanner glitch");

    List<AuditEntry> audit = auditOf("alert:" + id, 2);
    assertThat(audit)
        .extracting(AuditEntry::action)
        .containsExactly(AuditActions.ALERT_ASSIGNED, AuditActions.ALERT_RESOLVED);
    // The actor is the authenticated caller, the same name the alert's history records.
    assertThat(audit.get(0).actor()).isNotBlank().isEqualTo(step.get("by").asText());
    assertThat(audit.get(1).actor()).isEqualTo(last.get("by").asText());
    assertThat(audit.get(1).beforeSha256()).hasSize(64).isNotEqualTo(audit.get(1).afterSha256());
    Answer again = secops.post("/v1/alerts/" + id + "/assign", "{\"assignee\":\"bob\"}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void shouldRefuseWithTheFieldAndWriteNothingWhenAResolutionOrAssignmentIsIncomplete()
      throws Exception {
    String id = raise("DEV-T2");
    String path = "/v1/alerts/" + id;

    assertInvalid(secops.post(path + "/resolve", "{\"note\":\"done\"}"), "/outcome");
    assertInvalid(secops.post(path + "/resolve", ""), "/outcome");
    assertInvalid(
        secops.post(path + "/resolve", "{\"outcome\":\"MAYBE\",\"note\":\"done\"}"), "/outcome");
    assertInvalid(secops.post(path + "/resolve", "{\"outcome\":\"BENIGN\"}"), "/note");
    assertInvalid(
        secops.post(path + "/resolve", "{\"outcome\":\"BENIGN\",\"note\":\"  \"}"), "/note");
    assertInvalid(secops.post(path + "/assign", "{\"note\":\"x\"}"), "/assignee");
    Answer recall =
        new ApiClient(harness.url(), harness.token(Role.RECALL))
            .post(path + "/assign", "{\"assignee\":\"x\"}");
    assertThat(recall.status()).isEqualTo(403);

    // Nothing reached Kafka: an acknowledge sent now is the alert's first change.
    assertThat(secops.post(path + "/acknowledge", "{}").status()).isEqualTo(202);
    JsonNode acked = awaitAlert(id, a -> "ACKNOWLEDGED".equals(a.get("status").asText()));
    assertThat(acked.get("history")).hasSize(2);
    assertThat(acked.get("outcome").isNull()).isTrue();
    assertThat(auditOf("alert:" + id, 1))
        .extracting(AuditEntry::action)
        .containsExactly(AuditActions.ALERT_ACKNOWLEDGED);
  }

  @Test
  void shouldFindAResolvedAlertPastItsRetentionWhenItHasLeftTheView() throws Exception {
    Alert old =
        Alerts.open(
            Occurrence.of(violation(AlertType.SEAL_BROKEN, "DEV-OLD", T0).build()),
            AlertRules.defaults());
    Alert resolvedLongAgo =
        AlertCommands.applyTo(
            AlertCommands.resolve(old.getAlertId(), "secops", AlertOutcome.BENIGN, "old"),
            old,
            T0.plus(Duration.ofHours(1)));
    harness.publish(List.of(old, resolvedLongAgo));
    String marker = raise("DEV-AFTER-OLD");
    awaitAlert(marker, a -> true);

    assertThat(harness.node()).isNotNull();
    Answer one = secops.get("/v1/alerts/" + old.getAlertId());
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(one.json().get("outcome").asText()).isEqualTo("BENIGN");
    assertThat(ids(secops.get("/v1/alerts?serial=DEV-OLD").json())).as("left the view").isEmpty();
    assertThat(ids(secops.get("/v1/alerts?status=RESOLVED&serial=DEV-OLD").json()))
        .containsExactly(old.getAlertId());
  }

  @Test
  void shouldAnswerTheSameResponseReportWhenTheServiceRestarts() throws Exception {
    String acknowledged = raise("DEV-R1");
    String resolved = raise("DEV-R2");
    secops.post("/v1/alerts/" + acknowledged + "/acknowledge", "{}");
    secops.post(
        "/v1/alerts/" + resolved + "/resolve",
        "{\"outcome\":\"TRUE_POSITIVE\",\"note\":\"seal cut\"}");
    awaitAlert(resolved, a -> "RESOLVED".equals(a.get("status").asText()));
    awaitAlert(acknowledged, a -> "ACKNOWLEDGED".equals(a.get("status").asText()));
    String report =
        "/v1/reports/response?from=2026-01-01T00:00:00Z&to=" + Instant.now().plusSeconds(3600);

    Answer before = new ApiClient(harness.url(), harness.token(Role.AUDITOR)).get(report);
    harness.restart();
    ApiClient auditor = new ApiClient(harness.url(), harness.token(Role.AUDITOR));
    Answer after = Eventually.await(() -> get(auditor, report), a -> a.status() == 200, "report");

    assertThat(before.status()).as(before.body()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before.body());
    JsonNode row = row(before.json(), "CLONE_SUSPECTED", "CRITICAL");
    assertThat(row.get("incidents").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(row.get("outcomes").get("TRUE_POSITIVE").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(row.get("timeToAcknowledge").get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(row.get("timeToResolve").get("p50Seconds").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(row.get("timeToDetect").get("fromReceipt").get("count").asLong())
        .isGreaterThanOrEqualTo(2);
    assertThat(new ApiClient(harness.url(), harness.token(Role.RECALL)).get(report).status())
        .isEqualTo(403);
    assertThat(get(auditor, "/v1/reports/response?from=yesterday").status()).isEqualTo(400);
    secops = new ApiClient(harness.url(), harness.token(Role.SECOPS));
  }

  private static String raise(String serial) throws Exception {
    harness.send(
        violation(AlertType.CLONE_SUSPECTED, serial, T0).severity(Severity.CRITICAL).build());
    String id = "CLONE_SUSPECTED:" + serial + "@" + T0.toEpochMilli();
    awaitAlert(id, a -> true);
    return id;
  }

  private static JsonNode awaitAlert(String id, Predicate<JsonNode> until)
      throws InterruptedException {
    return Eventually.await(
        () -> {
          Answer a = get(secops, "/v1/alerts/" + id);
          try {
            return a.status() == 200 ? a.json() : null;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        },
        a -> a != null && until.test(a),
        "alert " + id);
  }

  private static Answer get(ApiClient client, String path) {
    try {
      return client.get(path);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<AuditEntry> auditOf(String target, int count) throws InterruptedException {
    return Eventually.await(
        () ->
            harness
                .read(
                    harness.config().topicNames().get("sealtrail.topics.audit-actions"),
                    records -> false,
                    Duration.ofSeconds(1))
                .stream()
                .map(r -> AuditEntryJson.read(r.value()))
                .filter(e -> e.target().equals(target))
                .toList(),
        entries -> entries.size() >= count,
        count + " audit entries of " + target);
  }

  private static void assertInvalid(Answer answer, String field) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("type").asText()).endsWith("/invalid-request");
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
  }

  private static List<String> ids(JsonNode list) {
    return list.get("alerts").findValuesAsText("alertId");
  }

  private static JsonNode row(JsonNode report, String type, String severity) {
    for (JsonNode row : report.get("rows")) {
      if (row.get("type").asText().equals(type) && row.get("severity").asText().equals(severity)) {
        return row;
      }
    }
    throw new AssertionError("no row " + type + "/" + severity + " in " + report);
  }
}
