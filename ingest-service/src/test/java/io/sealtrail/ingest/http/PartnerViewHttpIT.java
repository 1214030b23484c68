package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.OCCURRED;
import static io.sealtrail.ingest.http.Fixtures.event;
import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static io.sealtrail.ingest.http.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.request.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A partner's own view over real HTTP (ADR 11): its outcomes under its signed-request credential,
 * never another partner's; whether an event was recorded; and dry runs that answer as ingest would
 * while writing nothing.
 */
class PartnerViewHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private static final Fixtures FIX = new Fixtures();
  private static String name;
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    name = EmbeddedKafka.uniqueName("partnerview");
    // Registered on the topic before the node starts: the node creates their outcome topics.
    rig = new HttpRig(KAFKA.bootstrapServers(), name, FIX.all(), Map.of());
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldListEveryOutcomeOfThePartnerWhenItAsksWithItsOwnSignedRequest() throws Exception {
    String id = unique("own");
    JsonNode accepted =
        only(rig.postEvents(JSON, signed(seal(id + "-a", "acme", "S-1"), FIX.acmeKey)));
    rig.postEvents(JSON, signed(seal(id + "-a", "acme", "S-1"), FIX.acmeKey));
    rig.postEvents(
        JSON, signed(event(id + "-r", "SEAL_APPLIED", "acme", "f", OCCURRED, "{}"), FIX.acmeKey));

    var answer = get("/v1/partners/acme/outcomes?limit=1000", FIX.acmeKey);

    assertThat(answer.status()).isEqualTo(200);
    List<JsonNode> mine = outcomesOf(answer.body(), id);
    assertThat(mine)
        .extracting(o -> o.get("status").asText())
        .containsExactly("accepted", "duplicate", "rejected");
    for (JsonNode position : mine.subList(0, 2)) {
      assertThat(position.get("eventId").asText()).isEqualTo(id + "-a");
      assertThat(position.get("partition")).isEqualTo(accepted.get("partition"));
      assertThat(position.get("offset")).isEqualTo(accepted.get("offset"));
      assertThat(position.get("payloadSha256").asText()).hasSize(64);
      assertThat(position.get("channel").asText()).isEqualTo("http");
    }
    JsonNode rejected = mine.get(2);
    assertThat(rejected.get("eventId").asText()).isEqualTo(id + "-r");
    assertThat(rejected.get("reason").asText()).isEqualTo("SCHEMA_VIOLATION");
    assertThat(rejected.get("field").asText()).isEqualTo("/payload/detail/sealId");
    assertThat(rejected.get("detail").asText()).isNotBlank();
    // Past the last outcome (and the commit marker after it, which holds no outcome).
    assertThat(answer.body().get("next").asLong())
        .isGreaterThan(mine.get(2).get("position").asLong());
  }

  @Test
  void shouldPageFromAPositionAndFromATime() throws Exception {
    String id = unique("page");
    Instant before = Instant.now().minusSeconds(1);
    rig.postEvents(JSON, signed(seal(id + "-1", "acme", "S-1"), FIX.acmeKey));
    rig.postEvents(JSON, signed(seal(id + "-2", "acme", "S-1"), FIX.acmeKey));

    var fromTime = get("/v1/partners/acme/outcomes?since=" + before + "&limit=1000", FIX.acmeKey);
    long first = outcomesOf(fromTime.body(), id).get(0).get("position").asLong();
    var fromPosition =
        get("/v1/partners/acme/outcomes?since=" + (first + 1) + "&limit=1", FIX.acmeKey);

    assertThat(outcomesOf(fromTime.body(), id)).hasSize(2);
    assertThat(fromPosition.body().get("outcomes")).hasSize(1);
    assertThat(fromPosition.body().get("outcomes").get(0).get("eventId").asText())
        .isEqualTo(id + "-2");
    assertThat(fromPosition.body().get("next").asLong())
        .isEqualTo(fromPosition.body().get("outcomes").get(0).get("position").asLong() + 1);
  }

  @Test
  void shouldAnswer403WhenAnotherPartnersKeySignsForAcmesOutcomes() throws Exception {
    var answer = get("/v1/partners/acme/outcomes", FIX.sitedKey);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body().get("type").asText()).endsWith("/forbidden");
    assertThat(get("/v1/partners/acme/events/x", FIX.sitedKey).status()).isEqualTo(403);
    // The other partner reads its own, so the refusal is about whose view, not the key.
    assertThat(get("/v1/partners/sited/outcomes", FIX.sitedKey).status()).isEqualTo(200);
  }

  @Test
  void shouldAnswer401WithoutAValidCredentialOfARegisteredKey() throws Exception {
    var none = rig.get("/v1/partners/acme/outcomes", null);
    var bearer =
        rig.get(
            "/v1/partners/acme/outcomes",
            "Bearer " + rig.token(io.sealtrail.platform.auth.Role.ADMIN));
    var stranger = get("/v1/partners/acme/outcomes", FIX.strangerKey);
    var expired = get("/v1/partners/acme/outcomes", FIX.expiredKey);
    var eventEnvelope =
        rig.get(
            "/v1/partners/acme/outcomes",
            SignedRequest.SCHEME
                + " "
                + Base64.getEncoder().encodeToString(signed(seal("x", "acme", "S"), FIX.acmeKey)));

    for (var answer : List.of(none, bearer, stranger, expired, eventEnvelope)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.header("www-authenticate")).isEqualTo(SignedRequest.SCHEME);
      assertThat(answer.body().get("type").asText()).endsWith("/unauthenticated");
    }
  }

  @Test
  void shouldAnswer401WhenTheSignedRequestIsForAnotherTargetTimeOrAUsedNonce() throws Exception {
    String path = "/v1/partners/acme/outcomes";
    String otherQuery =
        authorization(new SignedRequest.Claim("GET", path + "?since=0", Instant.now(), null));
    String stale =
        authorization(
            new SignedRequest.Claim("GET", path, Instant.now().minus(Duration.ofMinutes(6)), null));
    String future =
        authorization(
            new SignedRequest.Claim("GET", path, Instant.now().plus(Duration.ofMinutes(6)), null));
    String post = authorization(new SignedRequest.Claim("POST", path, Instant.now(), null));
    String once =
        authorization(
            new SignedRequest.Claim("GET", path, Instant.now(), "n-" + UUID.randomUUID()));

    assertThat(rig.get(path + "?since=1", otherQuery).status()).isEqualTo(401);
    assertThat(rig.get(path, stale).status()).isEqualTo(401);
    assertThat(rig.get(path, future).status()).isEqualTo(401);
    assertThat(rig.get(path, post).status()).isEqualTo(401);
    assertThat(rig.get(path, once).status()).isEqualTo(200);
    var replayed = rig.get(path, once);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.body().get("detail").asText()).contains("nonce");
  }

  @Test
  void shouldCreateTheOutcomeTopicWhenAPartnerIsRegisteredAndRefuseAnIdThatCannotNameOne()
      throws Exception {
    String admin = rig.token(io.sealtrail.platform.auth.Role.ADMIN);
    var fresh = new io.sealtrail.ingest.testing.Partners();
    String newcomer = unique("newcomer");

    var registered =
        rig.send("POST", "/v1/partners", JSON, registration(newcomer, fresh.acmeKey), admin);
    var dotted =
        rig.send("POST", "/v1/partners", JSON, registration("acme.com", fresh.strangerKey), admin);

    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    try (Admin kafka = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      assertThat(kafka.listTopics().names().get())
          .as("created before the registration was answered")
          .contains(name + ".custody.outcomes." + newcomer);
    }
    assertThat(dotted.status()).isEqualTo(422);
    assertThat(dotted.body().get("field").asText()).isEqualTo("/partnerId");
  }

  private static byte[] registration(String partnerId, Signer key) {
    String publicKeyPem =
        io.sealtrail.trust.crypto.Pem.writePublicKey(key.verifier().subjectPublicKeyInfo())
            .replace("\n", "\\n");
    return ("{\"partnerId\":\""
            + partnerId
            + "\",\"roles\":[\"DOCK\"],\"sites\":[],\"keys\":[{\"publicKey\":\""
            + publicKeyPem
            + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldAnswer400ForASinceOrLimitItCannotRead() throws Exception {
    assertThat(get("/v1/partners/acme/outcomes?since=yesterday", FIX.acmeKey).status())
        .isEqualTo(400);
    assertThat(get("/v1/partners/acme/outcomes?limit=0", FIX.acmeKey).status()).isEqualTo(400);
    assertThat(get("/v1/partners/acme/outcomes?limit=1001", FIX.acmeKey).status()).isEqualTo(400);
  }

  @Test
  void shouldAnswerWhetherAnEventWasRecordedAndWhere() throws Exception {
    String id = unique("rec");
    JsonNode accepted = only(rig.postEvents(JSON, signed(seal(id, "acme", "S-1"), FIX.acmeKey)));
    rig.postEvents(
        JSON, signed(event(id + "-r", "SEAL_APPLIED", "acme", "f", OCCURRED, "{}"), FIX.acmeKey));

    var recorded = get("/v1/partners/acme/events/" + id, FIX.acmeKey);
    var rejectedOnly = get("/v1/partners/acme/events/" + id + "-r", FIX.acmeKey);
    var never = get("/v1/partners/acme/events/" + id + "-never", FIX.acmeKey);

    assertThat(recorded.status()).isEqualTo(200);
    assertThat(recorded.body().get("recorded").asBoolean()).isTrue();
    assertThat(recorded.body().get("partition")).isEqualTo(accepted.get("partition"));
    assertThat(recorded.body().get("offset")).isEqualTo(accepted.get("offset"));
    assertThat(rejectedOnly.body().get("recorded").asBoolean()).isFalse();
    assertThat(never.body().get("recorded").asBoolean()).isFalse();
    assertThat(never.body().has("offset")).isFalse();
  }

  @Test
  void shouldAnswerADryRunAsIngestWouldAndWriteNothing() throws Exception {
    String id = unique("dry");
    byte[] original = signed(seal(id + "-old", "acme", "S-1"), FIX.acmeKey);
    JsonNode accepted = only(rig.postEvents(JSON, original));
    byte[] fresh = signed(seal(id + "-new", "acme", "S-1"), FIX.acmeKey);
    byte[] replay = signed(seal(id + "-old", "acme", "S-OTHER"), FIX.acmeKey);
    byte[] schemaless =
        signed(event(id + "-bad", "SEAL_APPLIED", "acme", "f", OCCURRED, "{}"), FIX.acmeKey);
    byte[] forged = signed(seal(id + "-forged", "acme", "S-1"), FIX.strangerKey);
    byte[] batch =
        ("[" + text(fresh) + "," + text(fresh) + "," + text(forged) + "]")
            .getBytes(StandardCharsets.UTF_8);
    Map<TopicPartition, Long> before = endOffsets();

    var wouldAccept = dryRun(fresh);
    var duplicate = dryRun(original);
    var replayed = dryRun(replay);
    var rejected = dryRun(schemaless);
    var mixed = dryRun(batch);

    assertThat(endOffsets()).as("nothing written to any topic").isEqualTo(before);
    assertThat(wouldAccept.status()).isEqualTo(202);
    assertThat(wouldAccept.body().get("dryRun").asBoolean()).isTrue();
    JsonNode fresh0 = only(wouldAccept);
    assertThat(fresh0.get("status").asText()).isEqualTo("accepted");
    assertThat(fresh0.get("eventId").asText()).isEqualTo(id + "-new");
    assertThat(fresh0.has("offset")).isFalse();
    assertThat(duplicate.status()).isEqualTo(202);
    assertThat(only(duplicate).get("status").asText()).isEqualTo("duplicate");
    assertThat(only(duplicate).get("offset")).isEqualTo(accepted.get("offset"));
    assertThat(replayed.status()).isEqualTo(422);
    assertThat(only(replayed).get("reason").asText()).isEqualTo("REPLAY");
    assertThat(mixed.status()).isEqualTo(207);
    assertThat(mixed.body().get("results"))
        .extracting(r -> r.get("status").asText())
        .containsExactly("accepted", "duplicate", "rejected");
    assertThat(mixed.body().get("results").get(2).get("reason").asText()).isEqualTo("UNKNOWN_KEY");
    // The same envelopes for real: the same answers, where a dry run has them.
    var real = rig.postEvents(JSON, schemaless);
    assertThat(rejected.status()).isEqualTo(real.status());
    assertThat(only(rejected)).isEqualTo(only(real));
    var realReplay = rig.postEvents(JSON, replay);
    assertThat(only(replayed)).isEqualTo(only(realReplay));
    assertThat(only(rig.postEvents(JSON, fresh)).get("status").asText()).isEqualTo("accepted");
    assertThat(dryRun(fresh).body().get("results").get(0).get("status").asText())
        .isEqualTo("duplicate");
  }

  private static RigAnswer dryRun(byte[] body) throws Exception {
    return new RigAnswer(rig.send("POST", "/v1/events?dryRun=true", JSON, body, null));
  }

  /** An answer as the assertions above read it. */
  private record RigAnswer(HttpRig.Answer answer) {
    int status() {
      return answer.status();
    }

    JsonNode body() {
      return answer.body();
    }
  }

  private static JsonNode only(RigAnswer answer) {
    return only(answer.answer());
  }

  private static JsonNode only(HttpRig.Answer answer) {
    assertThat(answer.body().get("results")).as("%s", answer.body()).hasSize(1);
    return answer.body().get("results").get(0);
  }

  /** The end of every partition of every topic of this rig, outcome topics included. */
  private static Map<TopicPartition, Long> endOffsets() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      List<String> topics =
          admin.listTopics().names().get().stream().filter(t -> t.startsWith(name + ".")).toList();
      assertThat(topics).contains(name + ".custody.outcomes.acme", name + ".custody.events");
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    }
  }

  private static List<JsonNode> outcomesOf(JsonNode page, String idPrefix) {
    List<JsonNode> mine = new ArrayList<>();
    StreamSupport.stream(page.get("outcomes").spliterator(), false)
        .filter(o -> o.has("eventId") && o.get("eventId").asText().startsWith(idPrefix))
        .forEach(mine::add);
    return mine;
  }

  private static HttpRig.Answer get(String path, Signer key) throws Exception {
    return rig.get(
        path,
        SignedRequest.authorization(
            new SignedRequest.Claim("GET", path, Instant.now(), null), List.of(key)));
  }

  private static String authorization(SignedRequest.Claim claim) {
    return SignedRequest.authorization(claim, List.of(FIX.acmeKey));
  }

  private static String unique(String what) {
    return what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
