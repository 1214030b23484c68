package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.Sealtrail;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.Eventually;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.MerkleHashing;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteVerifier;
import io.sealtrail.translog.note.NoteVerifierKey;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode against its real parts: a KRaft broker in this JVM, the embedded registry, and every
 * service with every route on one port. One platform serves the tests that only add to it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalPlatformIT {

  private static final String SEAL = "{\"sealId\":\"S-1\"}";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path sharedDir;
  private static LocalConfig shared;
  private static LocalPlatform platform;

  @TempDir Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    // Checkpoints every second: the log test waits for one that covers its event.
    shared = freshConfig(sharedDir).with(Map.of(LogConfig.CHECKPOINT_INTERVAL, "PT1S"));
    platform = LocalPlatform.start(shared);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
  }

  @Test
  void shouldCreateEveryServicesTopicsWhenStartedOnAnEmptyDataDir() throws Exception {
    try (var admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {

      var names = admin.listTopics().names().get(30, TimeUnit.SECONDS);

      assertThat(names)
          .contains(
              "custody.inbound",
              "custody.events",
              "custody.rejected",
              "custody.partners",
              "custody.state",
              "custody.violations",
              "custody.firmware-releases",
              "custody.events.dlq",
              "custody.alerts",
              "custody.alert-commands",
              "custody.audit.actions",
              "custody.audit");
      assertThat(names).containsAll(platform.topicNames());
      assertThat(platform.createdTopics()).contains("custody.state", "custody.alert-commands");
      assertThat(cleanupPolicy(admin, "custody.partners")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "custody.state")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "custody.firmware-releases")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "custody.alerts")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "custody.events")).isEqualTo("delete");
    }
  }

  @Test
  void shouldAnswerASerialsStateOnTheSamePortWhereItsEventWasAccepted() throws Exception {
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
    String admin = token(Role.ADMIN);
    String recall = token(Role.RECALL);
    URI http = platform.httpUrl();

    var registered = post(http.resolve("/v1/partners"), registration("dock", key), admin);
    var submitted = post(http.resolve("/v1/events"), envelope("dock", "PALLET-7", key), null);
    var state =
        Eventually.await(
            () -> getQuietly(http.resolve("/v1/serials/PALLET-7"), recall),
            r -> r.statusCode() == 200,
            "PALLET-7's state on the shared port");

    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    assertThat(submitted.body()).contains("\"status\":\"accepted\"");
    assertThat(eventKeys(platform.bootstrapServers())).contains("PALLET-7");
    assertThat(state.body()).contains("\"serial\":\"PALLET-7\"").contains("SEAL");
  }

  @Test
  void shouldProveInTheLogAnEventAcceptedOnTheSharedPort() throws Exception {
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
    URI http = platform.httpUrl();
    post(http.resolve("/v1/partners"), registration("log-dock", key), token(Role.ADMIN));
    String sent = envelope("log-dock", "CRATE-L1", key);
    assertThat(post(http.resolve("/v1/events"), sent, null).statusCode()).isEqualTo(202);
    String auditor = token(Role.AUDITOR);

    var proof =
        Eventually.await(
            () ->
                getQuietly(
                    http.resolve("/v1/log/proof/inclusion?partnerId=log-dock&eventId=ev-1"),
                    auditor),
            r -> r.statusCode() == 200,
            "the event's inclusion proof on the shared port");
    NoteVerifierKey logKey =
        NoteVerifierKey.parse(get(http.resolve("/v1/log/key"), null).body().strip());
    var inclusion = ProofJson.readInclusion(proof.body());
    Checkpoint head =
        Checkpoint.verify(inclusion.checkpoint(), NoteVerifier.of(logKey), logKey.name());
    inclusion.proof().verify(head.rootHash());
    long index = inclusion.proof().leafIndex();
    String entries =
        get(http.resolve("/v1/log/entries?start=" + index + "&end=" + (index + 1)), auditor).body();
    LogEntry entry =
        ProofJson.readEntry(entries.substring(entries.indexOf('[') + 1, entries.lastIndexOf(']')));

    // The leaf is recomputable from the bytes the partner sent (the canonical envelope JSON).
    assertThat(entry.leaf().envelopeSha256())
        .isEqualTo(Hash.of(MerkleHashing.sha256(sent.getBytes(StandardCharsets.UTF_8))));
    assertThat(entry.leafHash()).isEqualTo(inclusion.proof().leafHash());
    assertThat(LogKey.load(LocalLog.keyFile(shared), logKey.name()).verifierKey())
        .isEqualTo(logKey);
  }

  @Test
  void shouldChainAPartnerActionOnTheSharedPortAndVerifyTheChainFromLocalKafka() throws Exception {
    URI http = platform.httpUrl();
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
    var registered =
        post(http.resolve("/v1/partners"), registration("audit-dock", key), token(Role.ADMIN));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

    String auditor = token(Role.AUDITOR);
    String records =
        Eventually.await(
            () -> {
              try {
                return get(http.resolve("/v1/audit?target=partner:audit-dock"), auditor).body();
              } catch (Exception e) {
                return e.toString();
              }
            },
            body -> body.contains("partner.registered"),
            "the registration on /v1/audit");
    var asSecops = get(http.resolve("/v1/audit"), token(Role.SECOPS));
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = Sealtrail.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int verified =
        Eventually.await(
            () ->
                cli.execute(
                    "audit",
                    "--verify",
                    "--bootstrap-server",
                    platform.bootstrapServers(),
                    "--registry",
                    platform.registryUrl().toString()),
            code -> code == 0 && out.toString().contains("chain intact"),
            "a verified chain; stderr: " + err);

    assertThat(records).contains("\"target\":\"partner:audit-dock\"", "\"prevHash\"");
    assertThat(asSecops.statusCode()).isEqualTo(403);
    assertThat(verified).isZero();
    assertThat(out.toString())
        .containsPattern("[1-9][0-9]* records, chain intact, head [0-9a-f]{64}");
  }

  @Test
  void shouldKeepEachRoutesRolesWhenEveryServiceSharesThePort() throws Exception {
    URI http = platform.httpUrl();

    // Recall and auditors read partners' public keys (evidence bundles); secops does not.
    var adminRouteAsSecops = get(http.resolve("/v1/partners/dock"), token(Role.SECOPS));
    var serialWithoutToken = get(http.resolve("/v1/serials/PALLET-7"), null);
    var eventsWithoutToken = post(http.resolve("/v1/events"), "[]", null);
    var health = get(http.resolve("/health"), null);
    var alertsAsSecops = get(http.resolve("/v1/alerts"), token(Role.SECOPS));
    var alertsAsRecall = get(http.resolve("/v1/alerts"), token(Role.RECALL));
    var metrics = get(platform.metricsUrl(), null);
    var metricsOnTheApiPort = get(http.resolve("/prometheus"), null);

    assertThat(adminRouteAsSecops.statusCode()).isEqualTo(403);
    assertThat(adminRouteAsSecops.body()).contains("https://sealtrail.io/problems/forbidden");
    assertThat(serialWithoutToken.statusCode()).isEqualTo(401);
    assertThat(eventsWithoutToken.statusCode()).as(eventsWithoutToken.body()).isNotIn(401, 403);
    assertThat(health.statusCode()).isEqualTo(200);
    // The registry's topic reader is one of the checks (issue 13).
    assertThat(health.body()).contains("\"schemaRegistry\":\"UP\"");
    assertThat(alertsAsSecops.statusCode()).as(alertsAsSecops.body()).isEqualTo(200);
    assertThat(alertsAsRecall.statusCode()).isEqualTo(403);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metricsOnTheApiPort.statusCode()).isEqualTo(404);
    assertThat(metrics.body())
        .contains(
            "sealtrail_ingest_",
            "sealtrail_anomaly_alerts_open",
            "kafka_stream_thread_process_total",
            "sealtrail-custody",
            "sealtrail-anomaly");
  }

  @Test
  void shouldManageNamedUsersWithTheCliWhenLocalModeRuns() throws Exception {
    URI http = platform.httpUrl();
    String url = http.toString();
    String adminFile = shared.tokensDir().resolve("admin.token").toString();
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = Sealtrail.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int listed = cli.execute("users", "list", "--url", url, "--token-file", adminFile);
    assertThat(listed).as(err.toString()).isZero();
    assertThat(out.toString())
        .as("local mode's token files are named users")
        .contains("local-admin", "local-secops", "local-recall", "local-auditor");
    out.getBuffer().setLength(0);

    int added =
        cli.execute(
            "users", "add", "soc-1", "--role", "secops", "--url", url, "--token-file", adminFile);
    assertThat(added).as(err.toString()).isZero();
    String token =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.toString())
            .get("token")
            .asText();
    assertThat(get(http.resolve("/v1/alerts"), token).statusCode()).isEqualTo(200);

    int revoked = cli.execute("users", "revoke", "soc-1", "--url", url, "--token-file", adminFile);
    assertThat(revoked).as(err.toString()).isZero();
    assertThat(get(http.resolve("/v1/alerts"), token).statusCode())
        .as("every route of the one server refuses it")
        .isEqualTo(401);
    int again =
        cli.execute(
            "users", "add", "soc-1", "--role", "secops", "--url", url, "--token-file", adminFile);
    assertThat(again).isEqualTo(1);
    assertThat(err.toString()).contains("409");
  }

  @Test
  void shouldPrintEachOutcomeWhenEventsAreSubmittedWithTheCli() throws Exception {
    KeyPairs.Generated pair = KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
    Signer key = Signers.forKey(pair.privateKeyPkcs8());
    Path keyFile =
        Files.writeString(dataDir.resolve("acme.pem"), Pem.writePrivateKey(pair.privateKeyPkcs8()));
    Path good =
        Files.writeString(dataDir.resolve("good.json"), event("cli-1", "SEAL_APPLIED", SEAL));
    Path denied =
        Files.writeString(
            dataDir.resolve("denied.json"), event("cli-2", "COMMISSIONED", "{\"customer\":\"c\"}"));

    Path pub =
        Files.writeString(
            dataDir.resolve("acme.pub.pem"), Pem.writePublicKey(pair.publicKeySpki()));
    String url = platform.httpUrl().toString();
    String token = shared.tokensDir().resolve("admin.token").toString();
    var out = new StringWriter();
    var cli = Sealtrail.commandLine();
    cli.setOut(new PrintWriter(out, true));
    int added =
        cli.execute(
            "partners",
            "add",
            "--id",
            "acme",
            "--role",
            "MANUFACTURER",
            "--key",
            pub.toString(),
            "--url",
            url,
            "--token-file",
            token);

    int exit =
        cli.execute(
            "submit",
            "--key",
            keyFile.toString(),
            "--url",
            platform.httpUrl().toString(),
            good.toString(),
            denied.toString());

    assertThat(added).as(out.toString()).isZero();
    assertThat(out.toString()).contains(key.verifier().keyId().hex());
    assertThat(exit).as(out.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("good.json: accepted cli-1 (partition");
    assertThat(out.toString()).contains("denied.json: rejected ROLE_NOT_ALLOWED at /type");

    var signed = new StringWriter();
    var signer = Sealtrail.commandLine();
    signer.setOut(new PrintWriter(signed, true));
    assertThat(signer.execute("sign", "--key", keyFile.toString(), good.toString())).isZero();
    Path envelopeFile = Files.writeString(dataDir.resolve("good.envelope.json"), signed.toString());
    int resent = cli.execute("submit", "--url", url, envelopeFile.toString());
    assertThat(resent).as(out.toString()).isZero();
    assertThat(out.toString()).contains("good.envelope.json: duplicate cli-1 (partition");
    String keyid = key.verifier().keyId().hex();
    var admin = new String[] {"--url", url, "--token-file", token};
    assertThat(cli.execute(concat(new String[] {"partners", "revoke", "acme", keyid}, admin)))
        .isZero();
    assertThat(cli.execute(concat(new String[] {"partners", "show", "acme"}, admin))).isZero();
    assertThat(out.toString()).contains("\"revokedAt\"");
  }

  static String registration(String partnerId, Signer key) {
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    return "{\"partnerId\":\""
        + partnerId
        + "\",\"roles\":[\"MANUFACTURER\"],\"sites\":[],"
        + "\"keys\":[{\"publicKey\":\""
        + pem
        + "\"}]}";
  }

  private static String[] concat(String[] first, String[] second) {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(first), java.util.Arrays.stream(second))
        .toArray(String[]::new);
  }

  private static String event(String eventId, String type, String detail) {
    return event("acme", "DEV-1", eventId, type, detail);
  }

  private static String event(
      String partnerId, String subject, String eventId, String type, String detail) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\""
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "\",\"partnerId\":\""
        + partnerId
        + "\",\"site\":\"f-1\",\"subject\":\""
        + subject
        + "\",\"detail\":"
        + detail
        + "}";
  }

  static String envelope(String partnerId, String subject, Signer key) {
    String event = event(partnerId, subject, "ev-1", "SEAL_APPLIED", SEAL);
    var signed =
        EnvelopeSigner.sign(
            SubmissionVerifier.EVENT_PAYLOAD_TYPE,
            event.getBytes(StandardCharsets.UTF_8),
            List.of(key));
    return EnvelopeJson.write(signed);
  }

  private static String token(Role role) throws IOException {
    return Files.readString(shared.tokensDir().resolve(role.fileName())).strip();
  }

  static HttpResponse<String> post(URI uri, String body, String token) throws Exception {
    var request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> eventKeys(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "isolation.level",
            "read_committed",
            "auto.offset.reset",
            "earliest",
            "group.id",
            "local-it-" + UUID.randomUUID());
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("custody.events"));
      List<String> keys = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (keys.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
      }
      return keys;
    }
  }

  /** A data directory of its own and free ports; HTTP and registry bind port 0. */
  static LocalConfig freshConfig(Path dir) throws IOException {
    return new LocalConfig(dir, "localhost", freePort(), freePort(), 0, 0);
  }

  static HttpResponse<String> get(URI uri, String token) throws Exception {
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> getQuietly(URI uri, String token) {
    try {
      return get(uri, token);
    } catch (Exception e) {
      throw new IllegalStateException("GET " + uri + " failed", e);
    }
  }

  private static String cleanupPolicy(Admin admin, String topic) throws Exception {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    var config = admin.describeConfigs(java.util.List.of(resource)).all().get(30, TimeUnit.SECONDS);
    return config.get(resource).get("cleanup.policy").value();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
