package io.sealtrail.cli.local;

import static io.sealtrail.cli.local.LocalPlatformIT.freshConfig;
import static io.sealtrail.cli.local.LocalPlatformIT.get;
import static io.sealtrail.cli.local.LocalPlatformIT.getQuietly;
import static io.sealtrail.cli.local.LocalPlatformIT.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.cli.Sealtrail;
import io.sealtrail.evidence.bundle.BundleJson;
import io.sealtrail.evidence.verify.BundleVerifier;
import io.sealtrail.evidence.verify.Failure;
import io.sealtrail.evidence.verify.VerificationReport;
import io.sealtrail.log.LogConfig;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.Eventually;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import io.sealtrail.translog.note.NoteVerifierKey;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.quote.AttestationQuote;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence bundles end to end in local mode (real broker, every route on one port): a device's life
 * submitted over HTTP, its bundle fetched and verified offline with the log's key alone, by the
 * library and by {@code sealtrail evidence verify}; then each tamper fails with its own message.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EvidenceBundleIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEVICE = "DEV-E1";
  private static final String LOT = "LOT-E1";
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir static Path dataDir;
  @TempDir Path work;
  private static LocalConfig config;
  private static LocalPlatform platform;
  private static URI http;
  private static NoteVerifierKey logKey;
  private static String emptyCheckpoint;
  private static String bundle;

  @BeforeAll
  static void submitALifeAndFetchItsBundle() throws Exception {
    config = freshConfig(dataDir).with(Map.of(LogConfig.CHECKPOINT_INTERVAL, "PT1S"));
    platform = LocalPlatform.start(config);
    http = platform.httpUrl();
    logKey = NoteVerifierKey.parse(get(http.resolve("/v1/log/key"), null).body().strip());
    // The log signs the empty tree once before its first event: an older checkpoint to swap in.
    emptyCheckpoint =
        Eventually.await(
                () -> getQuietly(http.resolve("/v1/log/checkpoint"), null),
                r -> r.statusCode() == 200,
                "the log's first checkpoint")
            .body();

    Signer maker = key();
    Signer station = key();
    Signer device = key();
    String admin = token(Role.ADMIN);
    post(http.resolve("/v1/partners"), registration("ev-maker", "MANUFACTURER", maker), admin);
    post(http.resolve("/v1/partners"), registration("ev-station", "STATION", station), admin);
    String spki = base64(device.verifier().subjectPublicKeyInfo());
    String measurement = "ab".repeat(32);
    String quote = base64(new AttestationQuote(DEVICE, "0a0b", measurement, 1).sign(device));
    Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    List<String> life =
        List.of(
            envelope(
                maker,
                "ev-maker",
                "e-1",
                "ASSEMBLED",
                at,
                "{\"product\":\"P\",\"bomRevision\":\"A\",\"components\":[{\"partNumber\":\"PN-1\",\"lot\":\""
                    + LOT
                    + "\"}]}"),
            envelope(
                station,
                "ev-station",
                "e-2",
                "KEY_PROVISIONED",
                at.plusSeconds(1),
                "{\"publicKey\":\"" + spki + "\",\"keyAlg\":\"ED25519\"}"),
            envelope(
                station,
                "ev-station",
                "e-3",
                "ATTESTED",
                at.plusSeconds(2),
                "{\"nonce\":\"0a0b\",\"measurementSha256\":\""
                    + measurement
                    + "\",\"counter\":1,\"quote\":\""
                    + quote
                    + "\",\"result\":\"PASS\"}"),
            envelope(
                maker,
                "ev-maker",
                "e-4",
                "SEAL_APPLIED",
                at.plusSeconds(3),
                "{\"sealId\":\"S-E1\"}"),
            envelope(
                maker,
                "ev-maker",
                "e-5",
                "SHIPPED",
                at.plusSeconds(4),
                "{\"shipmentId\":\"SH-E1\",\"toSite\":\"dock-1\",\"manifest\":[\""
                    + DEVICE
                    + "\"],\"sealId\":\"S-E1\"}"));
    for (String envelope : life) {
      var answer = post(http.resolve("/v1/events"), envelope, null);
      assertThat(answer.body()).contains("\"accepted\"");
    }
    String auditor = token(Role.AUDITOR);
    bundle =
        Eventually.await(
                () -> getQuietly(http.resolve("/v1/serials/" + DEVICE + "/evidence"), auditor),
                r -> r.statusCode() == 200 && eventCount(r.body()) == life.size(),
                "the device's bundle with its five events, all in a checkpoint")
            .body();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void shouldVerifyADevicesBundleOfflineWithTheLogsKeyAlone() throws Exception {
    VerificationReport report = verify(bundle);

    assertThat(report.failures()).isEmpty();
    assertThat(report.counts().events()).isEqualTo(5);
    assertThat(report.counts().partners()).isEqualTo(2);
    assertThat(report.counts().quotes()).isEqualTo(1);
    JsonNode tree = JSON.readTree(bundle);
    assertThat(tree.path("format").asText()).isEqualTo("sealtrail.evidence.v1");
    assertThat(tree.at("/serials/0/quotes/0/deviceKey/eventId").asText()).isEqualTo("e-2");
    assertThat(tree.findValues("treeSize").stream().map(JsonNode::asLong).distinct())
        .containsExactly(Checkpoint.parse(checkpointText(tree)).size());
  }

  @Test
  void shouldExitZeroFromTheCliForTheBundleAndPrintJson() throws Exception {
    Path file = work.resolve("bundle.json");
    Files.writeString(file, bundle);
    StringWriter out = new StringWriter();
    var cli = Sealtrail.commandLine().setOut(new PrintWriter(out));

    int code =
        cli.execute(
            "evidence", "verify", file.toString(), "--log-key", logKey.toString(), "--json");

    assertThat(code).as(out.toString()).isZero();
    assertThat(JSON.readTree(out.toString()).path("verified").asBoolean()).isTrue();
  }

  @Test
  void shouldNameTheGapWhenAnEventIsRemoved() throws Exception {
    var failures = tampered(t -> ((ArrayNode) t.at("/serials/0/events")).remove(2));

    assertThat(reasons(failures)).anyMatch(r -> r.contains("event 3 is missing"));
  }

  @Test
  void shouldRefuseTheSignatureWhenAPayloadByteIsChanged() throws Exception {
    var failures =
        tampered(
            t -> {
              ObjectNode event = (ObjectNode) t.at("/serials/0/events/3");
              Envelope envelope =
                  EnvelopeJson.read(Base64.getDecoder().decode(event.path("envelope").asText()));
              byte[] payload = envelope.payload();
              String text = new String(payload, StandardCharsets.UTF_8).replace("S-E1", "S-E2");
              Envelope changed =
                  new Envelope(
                      envelope.payloadType(),
                      text.getBytes(StandardCharsets.UTF_8),
                      envelope.signatures());
              event.put(
                  "envelope", base64(EnvelopeJson.write(changed).getBytes(StandardCharsets.UTF_8)));
            });

    assertThat(failures)
        .anyMatch(
            f ->
                f.item().contains("e-4")
                    && f.reason().contains("payload or the signature was changed"));
    assertThat(failures)
        .anyMatch(
            f ->
                f.item().contains("e-4 (ev-maker) inclusion")
                    && f.reason().contains("changed after it was accepted"));
  }

  @Test
  void shouldRefuseAKeySwappedForAnother() throws Exception {
    String other = Pem.writePublicKey(key().verifier().subjectPublicKeyInfo());
    var failures =
        tampered(
            t -> {
              for (JsonNode partner : t.path("partners")) {
                if (partner.path("partnerId").asText().equals("ev-maker")) {
                  ((ObjectNode) partner.path("keys").get(0)).put("publicKey", other);
                }
              }
            });

    assertThat(reasons(failures)).anyMatch(r -> r.contains("the key was swapped"));
    assertThat(failures).anyMatch(f -> f.item().endsWith("(ev-maker) signer"));
  }

  @Test
  void shouldRefuseACheckpointReSignedWithAnotherKey() throws Exception {
    NoteSigner impostor = NoteSigner.generate(logKey.name());
    var failures =
        tampered(
            t -> {
              Checkpoint head = Checkpoint.parse(checkpointText(t));
              ((ObjectNode) t.path("log")).put("checkpoint", head.sign(impostor).toString());
            });

    assertThat(failures)
        .anyMatch(
            f -> f.item().equals("checkpoint") && f.reason().contains("signed with another key"));
  }

  @Test
  void shouldRefuseAnOlderCheckpointThanTheProofs() throws Exception {
    var failures = tampered(t -> ((ObjectNode) t.path("log")).put("checkpoint", emptyCheckpoint));

    assertThat(failures).hasSize(5);
    assertThat(reasons(failures)).allMatch(r -> r.contains("an older checkpoint than the proofs'"));
  }

  @Test
  void shouldVerifyTheLotsBundleHoldingItsDevice() throws Exception {
    String auditor = token(Role.AUDITOR);
    String lot =
        Eventually.await(
                () -> getQuietly(http.resolve("/v1/lots/" + LOT + "/evidence"), auditor),
                r -> r.statusCode() == 200 && r.body().contains("\"" + DEVICE + "\""),
                "the lot's bundle with its device")
            .body();

    assertThat(verify(lot).failures()).isEmpty();
    assertThat(JSON.readTree(lot).at("/subject/kind").asText()).isEqualTo("lot");
  }

  @Test
  void shouldLetOnlyRecallAuditorAndAdminReadBundlesAndAuditorsReadKeys() throws Exception {
    URI route = http.resolve("/v1/serials/" + DEVICE + "/evidence");
    assertThat(get(route, null).statusCode()).isEqualTo(401);
    assertThat(get(route, token(Role.SECOPS)).statusCode()).isEqualTo(403);
    assertThat(get(route, token(Role.RECALL)).statusCode()).isEqualTo(200);
    assertThat(get(http.resolve("/v1/serials/NEVER-SEEN/evidence"), token(Role.ADMIN)).statusCode())
        .isEqualTo(404);
    String auditor = token(Role.AUDITOR);
    assertThat(get(http.resolve("/v1/partners/ev-maker"), auditor).body()).contains("publicKey");
    assertThat(get(http.resolve("/v1/partners"), auditor).body()).contains("ev-station");
    assertThat(
            post(http.resolve("/v1/partners"), registration("x", "DOCK", key()), auditor)
                .statusCode())
        .isEqualTo(403);
  }

  private static VerificationReport verify(String json) {
    return new BundleVerifier(logKey)
        .verify(BundleJson.read(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Failure> tampered(Consumer<JsonNode> tamper) throws Exception {
    JsonNode tree = JSON.readTree(bundle);
    tamper.accept(tree);
    VerificationReport report = verify(JSON.writeValueAsString(tree));
    assertThat(report.verified()).isFalse();
    return report.failures();
  }

  private static List<String> reasons(List<Failure> failures) {
    return failures.stream().map(Failure::reason).toList();
  }

  private static String checkpointText(JsonNode tree) {
    String note = tree.at("/log/checkpoint").asText();
    return note.substring(0, note.indexOf("\n\n") + 1);
  }

  private static int eventCount(String body) {
    try {
      return JSON.readTree(body).at("/serials/0/events").size();
    } catch (Exception e) {
      return -1;
    }
  }

  private static Signer key() {
    return Signers.forKey(KeyPairs.generate(KeyAlgorithm.ED25519, RANDOM).privateKeyPkcs8());
  }

  private static String registration(String partnerId, String role, Signer key) {
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    return "{\"partnerId\":\""
        + partnerId
        + "\",\"roles\":[\""
        + role
        + "\"],\"sites\":[],"
        + "\"keys\":[{\"publicKey\":\""
        + pem
        + "\"}]}";
  }

  private static String envelope(
      Signer key, String partnerId, String eventId, String type, Instant at, String detail) {
    String event =
        "{\"eventId\":\""
            + eventId
            + "\",\"type\":\""
            + type
            + "\",\"occurredAt\":\""
            + at
            + "\",\"partnerId\":\""
            + partnerId
            + "\",\"site\":\"f-1\",\"subject\":\""
            + DEVICE
            + "\",\"detail\":"
            + detail
            + "}";
    return EnvelopeJson.write(
        EnvelopeSigner.sign(
            SubmissionVerifier.EVENT_PAYLOAD_TYPE,
            event.getBytes(StandardCharsets.UTF_8),
            List.of(key)));
  }

  private static String token(Role role) throws Exception {
    return Files.readString(config.tokensDir().resolve(role.fileName())).strip();
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
