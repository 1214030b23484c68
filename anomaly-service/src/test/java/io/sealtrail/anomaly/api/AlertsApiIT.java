package io.sealtrail.anomaly.api;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.anomaly.fixtures.ApiClient;
import io.sealtrail.anomaly.fixtures.ApiClient.Answer;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alerts API over real HTTP on a service running on an embedded broker. */
class AlertsApiIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final String PROBLEM = "application/problem+json";

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
  void shouldRefuseWithProblemsWhenTokenIsMissingOrOfAnotherRole() throws Exception {
    Answer anonymous = new ApiClient(harness.url(), null).get("/v1/alerts");
    Answer recall = new ApiClient(harness.url(), harness.token(Role.RECALL)).get("/v1/alerts");
    Answer admin = new ApiClient(harness.url(), harness.token(Role.ADMIN)).get("/v1/alerts");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith(PROBLEM);
    assertThat(anonymous.json().get("type").asText()).endsWith("/unauthenticated");
    assertThat(recall.status()).isEqualTo(403);
    assertThat(recall.json().get("type").asText()).endsWith("/forbidden");
    assertThat(admin.status()).isEqualTo(200);
  }

  @Test
  void shouldListOnlyMatchingAlertsNewestFirstWhenFiltered() throws Exception {
    harness.send(
        violation(AlertType.SEAL_BROKEN, "DEV-F1", T0).severity(Severity.HIGH).build(),
        violation(AlertType.SEAL_BROKEN, "DEV-F2", T0.plusSeconds(60))
            .severity(Severity.CRITICAL)
            .build(),
        violation(AlertType.MANIFEST_MISMATCH, "DEV-F3", T0).severity(Severity.LOW).build());
    Eventually.await(
        () -> ids(get("/v1/alerts?serial=DEV-F3")), ids -> ids.size() == 1, "alerts in the view");

    assertThat(ids(get("/v1/alerts?type=SEAL_BROKEN&serial=DEV-F1"))).hasSize(1);
    assertThat(ids(get("/v1/alerts?type=SEAL_BROKEN&severity=CRITICAL")))
        .containsExactly("SEAL_BROKEN:DEV-F2@" + T0.plusSeconds(60).toEpochMilli());
    JsonNode newest = get("/v1/alerts?type=SEAL_BROKEN&limit=1&site=site-1");
    assertThat(ids(newest))
        .containsExactly("SEAL_BROKEN:DEV-F2@" + T0.plusSeconds(60).toEpochMilli());
    assertThat(newest.get("truncated").asBoolean()).isTrue();
    assertThat(ids(get("/v1/alerts?serial=DEV-F1&until=" + T0))).isEmpty();
    assertThat(ids(get("/v1/alerts?serial=DEV-F1&since=" + T0 + "&status=OPEN"))).hasSize(1);
  }

  @Test
  void shouldListASerialsAlertsForEveryRoleThatReadsCustodyButNoOneElse() throws Exception {
    harness.send(
        violation(AlertType.SEAL_BROKEN, "DEV-R1", T0).severity(Severity.HIGH).build(),
        violation(AlertType.SEAL_BROKEN, "DEV-R2", T0).severity(Severity.HIGH).build());
    ApiClient auditor = new ApiClient(harness.url(), harness.token(Role.AUDITOR));

    Answer found =
        Eventually.await(
            () -> {
              try {
                return auditor.get("/v1/serials/DEV-R1/alerts");
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            },
            a -> a.status() == 200 && a.body().contains("SEAL_BROKEN:DEV-R1@"),
            "the serial's alert");
    Answer recall =
        new ApiClient(harness.url(), harness.token(Role.RECALL)).get("/v1/serials/DEV-R1/alerts");
    Answer anonymous = new ApiClient(harness.url(), null).get("/v1/serials/DEV-R1/alerts");

    assertThat(found.json().get("serial").asText()).isEqualTo("DEV-R1");
    assertThat(ids(found.json())).containsExactly("SEAL_BROKEN:DEV-R1@" + T0.toEpochMilli());
    assertThat(recall.status()).isEqualTo(200);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void shouldAnswerInvalidQueryWhenSeverityIsUnknown() throws Exception {
    Answer answer = secops.get("/v1/alerts?severity=SEVERE");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith(PROBLEM);
    assertThat(answer.json().get("type").asText()).endsWith("/invalid-query");
    assertThat(answer.json().get("detail").asText()).contains("severity");
  }

  @Test
  void shouldAnswerNotFoundWhenAlertIsUnknown() throws Exception {
    assertThat(secops.get("/v1/alerts/SEAL_BROKEN:NOPE@1").status()).isEqualTo(404);
    assertThat(secops.post("/v1/alerts/SEAL_BROKEN:NOPE@1/acknowledge", "{}").status())
        .isEqualTo(404);
  }

  @Test
  void shouldTakeCommandWhenAlertWasPublishedAMomentBeforeTheViewReadIt() throws Exception {
    // Alerts ahead of it keep the view busy, so the last is in the log but not yet in view.
    List<Alert> raised = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      raised.add(
          Alerts.open(
              Occurrence.of(
                  violation(AlertType.SEAL_BROKEN, "DEV-BUSY-" + i, T0)
                      .severity(Severity.LOW)
                      .build()),
              AlertRules.defaults()));
    }
    String last = raised.get(raised.size() - 1).getAlertId();
    harness.publish(raised);

    Answer ack = secops.post("/v1/alerts/" + last + "/acknowledge", "{}");

    assertThat(ack.status()).as(ack.body()).isEqualTo(202);
    assertThat(ack.json().get("alertId").asText()).isEqualTo(last);
  }

  @Test
  void shouldRefuseACommandWhoseByNamesAnotherActorWhenTheBodyLies() throws Exception {
    String id = "SEAL_BROKEN:DEV-L9@" + T0.toEpochMilli();
    harness.send(violation(AlertType.SEAL_BROKEN, "DEV-L9", T0).severity(Severity.LOW).build());
    Eventually.await(() -> status(id), "OPEN"::equals, "alert raised");

    Answer lie = secops.post("/v1/alerts/" + id + "/acknowledge", "{\"by\":\"admin (CISO)\"}");

    assertThat(lie.status()).as(lie.body()).isEqualTo(400);
    assertThat(lie.json().get("type").asText()).endsWith("/actor-mismatch");
    assertThat(lie.json().get("field").asText()).isEqualTo("/by");
    assertThat(status(id)).as("nothing was recorded").isEqualTo("OPEN");
  }

  @Test
  void shouldReflectAcknowledgeAndResolveInGetStreamAndMetricsWhenOperatorActs() throws Exception {
    List<String> stream = secops.stream("/v1/alerts/stream");
    String id = "KEY_MISMATCH:DEV-L1@" + T0.toEpochMilli();

    harness.send(violation(AlertType.KEY_MISMATCH, "DEV-L1", T0).build());
    Eventually.await(() -> List.copyOf(stream), s -> containsData(s, id, "OPEN"), "SSE open");

    Answer ack = secops.post("/v1/alerts/" + id + "/acknowledge", "{\"note\":\"looking\"}");
    assertThat(ack.status()).isEqualTo(202);
    Eventually.await(() -> status(id), "ACKNOWLEDGED"::equals, "acknowledged in GET");
    String actor = harness.actor(Role.SECOPS);
    Answer resolve =
        secops.post(
            "/v1/alerts/" + id + "/resolve",
            "{\"by\":\"" + actor + "\",\"outcome\":\"BENIGN\",\"note\":\"a test key\"}");
    assertThat(resolve.status()).isEqualTo(202);
    Eventually.await(() -> status(id), "RESOLVED"::equals, "resolved in GET");

    JsonNode alert = secops.get("/v1/alerts/" + id).json();
    assertThat(alert.get("history").get(1).get("by").asText()).isEqualTo(actor);
    assertThat(alert.get("history").get(1).get("note").asText()).isEqualTo("looking");
    assertThat(alert.get("history").get(2).get("by").asText()).isEqualTo(actor);
    Eventually.await(
        () -> List.copyOf(stream), s -> containsData(s, id, "RESOLVED"), "SSE resolved");
    assertThat(timerCount("sealtrail.anomaly.alert.time.to.acknowledge")).isEqualTo(1);
    assertThat(timerCount("sealtrail.anomaly.alert.time.to.resolve")).isEqualTo(1);
    assertThat(
            harness
                .registry()
                .get("sealtrail.anomaly.alerts.opened")
                .tag("type", "KEY_MISMATCH")
                .counter()
                .count())
        .isEqualTo(1.0);
    Answer again = secops.post("/v1/alerts/" + id + "/acknowledge", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asText()).endsWith("/illegal-transition");
  }

  @Test
  void shouldChartCohortWindowsWhenStationBursts() throws Exception {
    Instant h0 = Instant.parse("2026-05-02T08:00:00Z");
    for (int i = 0; i < 6; i++) {
      harness.send(failed("DEV-S" + i, "ST-CHART", h0.plus(Duration.ofMinutes(5 + i))));
    }
    harness.send(failed("DEV-TICK", "ST-OTHER", h0.plus(Duration.ofMinutes(70))));

    String series = "/v1/spikes/attestation/cohorts/station/ST-CHART/series";
    JsonNode chart =
        Eventually.await(() -> getOrNull(series), json -> json != null, "the cohort's series");
    JsonNode window = chart.get("windows").get(0);
    assertThat(window.get("count").asLong()).isEqualTo(6);
    assertThat(window.get("threshold").asLong()).isEqualTo(5);
    assertThat(window.get("spike").asBoolean()).isTrue();
    assertThat(secops.get("/v1/spikes/attestation/cohorts").body()).contains(series);
    assertThat(secops.get("/v1/spikes/nonsense/cohorts").status()).isEqualTo(404);
    String spike =
        "ATTESTATION_FAILURE_SPIKE:station=ST-CHART@" + h0.plus(Duration.ofHours(1)).toEpochMilli();
    Eventually.await(
        () -> ids(get("/v1/alerts?type=ATTESTATION_FAILURE_SPIKE&serial=DEV-S0")),
        ids -> ids.contains(spike),
        "the station's spike alert, found by a serial in its evidence");
  }

  private static JsonNode get(String path) {
    try {
      Answer answer = secops.get(path);
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
      return answer.json();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode getOrNull(String path) {
    try {
      Answer answer = secops.get(path);
      return answer.status() == 200 ? answer.json() : null;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> ids(JsonNode list) {
    return list.get("alerts").findValuesAsText("alertId");
  }

  private static String status(String id) {
    JsonNode alert = getOrNull("/v1/alerts/" + id);
    return alert == null ? null : alert.get("status").asText();
  }

  private static boolean containsData(List<String> lines, String id, String status) {
    return lines.stream()
        .anyMatch(
            l ->
                l.startsWith("data:")
                    && l.contains("\"alertId\":\"" + id + "\"")
                    && l.contains("\"status\":\"" + status + "\""));
  }

  private static long timerCount(String name) {
    return harness.registry().get(name).tag("type", "KEY_MISMATCH").timer().count();
  }
}
