package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.OCCURRED;
import static io.sealtrail.ingest.http.Fixtures.event;
import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static io.sealtrail.ingest.http.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.log.sequence.AcceptedLeaves;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/events} over real HTTP against a real broker: one test per outcome. */
class EventsHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";

  private static final Fixtures FIX = new Fixtures();
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(),
            EmbeddedKafka.uniqueName("events-http"),
            FIX.all(),
            Map.of("sealtrail.http.max-body-bytes", 65536, "sealtrail.http.max-batch-size", 5));
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldAcceptWith202AndPositionWhenOneSignedEnvelopeIsPosted() throws Exception {
    byte[] envelope = signed(seal("acc-1", "acme", "S-1"), FIX.acmeKey);

    var answer = rig.postEvents(JSON, envelope);

    assertThat(answer.status()).isEqualTo(202);
    var result = answer.body().get("results").get(0);
    assertThat(result.get("index").asInt()).isZero();
    assertThat(result.get("status").asText()).isEqualTo("accepted");
    assertThat(result.get("eventId").asText()).isEqualTo("acc-1");
    assertThat(result.has("partition")).isTrue();
    assertThat(result.has("offset")).isTrue();
    assertThat(rig.events()).anyMatch(e -> e.getEvent().getEventId().equals("acc-1"));
  }

  @Test
  void shouldAnswerTheLeafTheLogAppendsAsTheReceiptWhenAnEventIsAccepted() throws Exception {
    byte[] envelope = signed(seal("rcpt-1", "acme", "S-1"), FIX.acmeKey);

    var receipt = rig.postEvents(JSON, envelope).body().get("results").get(0).get("receipt");

    var written =
        rig.events().stream()
            .filter(e -> e.getEvent().getEventId().equals("rcpt-1"))
            .findFirst()
            .orElseThrow();
    assertThat(receipt.get("leafHash").asText())
        .isEqualTo(AcceptedLeaves.of(written).leafHash().base64());
    assertThat(receipt.get("inclusionProof").asText())
        .isEqualTo("/v1/log/proof/inclusion?partnerId=acme&eventId=rcpt-1");
  }

  @Test
  void shouldAnswerDuplicateWith202WhenTheSameEnvelopeIsPostedAgain() throws Exception {
    byte[] envelope = signed(seal("dup-1", "acme", "S-1"), FIX.acmeKey);
    var first = rig.postEvents(JSON, envelope);

    var again = rig.postEvents(JSON, envelope);

    assertThat(again.status()).isEqualTo(202);
    var result = again.body().get("results").get(0);
    assertThat(result.get("status").asText()).isEqualTo("duplicate");
    assertThat(result.get("offset")).isEqualTo(first.body().get("results").get(0).get("offset"));
  }

  @Test
  void shouldAnswer207WithResultsInOrderWhenAJsonArrayMixesOutcomes() throws Exception {
    String good = text(signed(seal("arr-1", "acme", "S-1"), FIX.acmeKey));
    String stranger = text(signed(seal("arr-2", "acme", "S-2"), FIX.strangerKey));
    byte[] body = ("[ " + good + " ,\n" + stranger + "]").getBytes(StandardCharsets.UTF_8);

    var answer = rig.postEvents(JSON, body);

    assertThat(answer.status()).isEqualTo(207);
    var results = answer.body().get("results");
    assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(1).get("index").asInt()).isEqualTo(1);
    assertThat(results.get(1).get("reason").asText()).isEqualTo("UNKNOWN_KEY");
    assertThat(results.get(1).get("signatureIndex").asInt()).isZero();
  }

  @Test
  void shouldAnswer207WhenNdjsonMixesOutcomes() throws Exception {
    String good = text(signed(seal("nd-1", "acme", "S-1"), FIX.acmeKey));
    String schemaless =
        text(signed(event("nd-2", "SEAL_APPLIED", "acme", "f", OCCURRED, "{}"), FIX.acmeKey));
    byte[] body = (good + "\n" + schemaless + "\n").getBytes(StandardCharsets.UTF_8);

    var answer = rig.postEvents(EventsController.NDJSON, body);

    assertThat(answer.status()).isEqualTo(207);
    assertThat(answer.body().get("results").get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(answer.body().get("results").get(1).get("reason").asText())
        .isEqualTo("SCHEMA_VIOLATION");
  }

  @Test
  void shouldAnswer202WhenEveryEnvelopeOfABatchIsAcceptedOrDuplicate() throws Exception {
    String good = text(signed(seal("ok-1", "acme", "S-1"), FIX.acmeKey));
    byte[] body = ("[" + good + "," + good + "]").getBytes(StandardCharsets.UTF_8);

    var answer = rig.postEvents(JSON, body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().get("results")).hasSize(2);
  }

  @Test
  void shouldAnswer400ProblemWithPositionWhenTheBodyIsNotJson() throws Exception {
    var answer = rig.postEvents(JSON, "{\"payload\": oops}".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.body().get("type").asText()).endsWith("/unreadable-body");
    assertThat(answer.body().get("position").get("column").asInt()).isEqualTo(13);
  }

  @Test
  void shouldAnswer400WhenTheArrayHoldsSomethingOtherThanObjects() throws Exception {
    var answer = rig.postEvents(JSON, "[{}, 42]".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("array element 1");
  }

  @Test
  void shouldAnswer400WhenTheBodyIsEmpty() throws Exception {
    var answer = rig.postEvents(JSON, new byte[0]);

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void shouldAnswer413ProblemWhenTheBatchHasMoreEnvelopesThanTheLimit() throws Exception {
    byte[] body = "[{},{},{},{},{},{}]".getBytes(StandardCharsets.UTF_8);

    var answer = rig.postEvents(JSON, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().get("type").asText()).endsWith("/request-too-large");
  }

  @Test
  void shouldAnswer413ProblemWhenTheBodyIsAboveTheLimit() throws Exception {
    byte[] body = ("{\"payload\":\"" + "A".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

    var answer = rig.postEvents(JSON, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
  }

  @Test
  void shouldAnswer404ProblemWhenTheRouteDoesNotExist() throws Exception {
    var answer = rig.send("GET", "/v1/nothing", JSON, new byte[0], null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("type").asText()).endsWith("/not-found");
  }

  @Test
  void shouldAnswerReadyWhenThePartnerDirectoryIsFresh() throws Exception {
    var live = rig.send("GET", "/health", JSON, new byte[0], null);
    var ready = rig.send("GET", "/health/readiness", JSON, new byte[0], null);

    assertThat(live.status()).isEqualTo(200);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().get("checks").get("kafka").asText()).isEqualTo("UP");
    assertThat(ready.body().get("checks").get("replyFollower").asText()).isEqualTo("UP");
    assertThat(ready.body().get("checks").get("partnerDirectoryReader").asText()).isEqualTo("UP");
  }

  @Test
  void shouldExposeCommittedOutcomesWhenPrometheusIsScraped() throws Exception {
    rig.postEvents(JSON, signed(seal("met-1", "acme", "S-1"), FIX.strangerKey));

    String scrape =
        Eventually.await(
            EventsHttpIT::scrape, text -> text.contains("reason=\"UNKNOWN_KEY\""), "counted");

    assertThat(scrape).contains("sealtrail_ingest_outcomes_total");
    assertThat(scrape).contains("sealtrail_http_events_round_trip_seconds");
  }

  private static String scrape() {
    try {
      return rig.metrics();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
