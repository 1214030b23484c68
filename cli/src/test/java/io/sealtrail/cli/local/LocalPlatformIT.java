package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cli.Sealtrail;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local mode against its real parts: a KRaft broker in this JVM and the embedded registry. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalPlatformIT {

  private static final String SCHEMA =
      "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":"
          + "[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";
  private static final String SEAL = "{\"sealId\":\"S-1\"}";
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  @Test
  void shouldCreateEveryDesignTopicWhenStartedOnAnEmptyDataDir() throws Exception {
    LocalConfig config = freshConfig();

    try (var platform = LocalPlatform.start(config);
        var admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {

      var names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(names).containsAll(LocalTopics.all().stream().map(TopicSpec::name).toList());
      assertThat(names).contains("custody.inbound", "custody.events", "custody.rejected");
      assertThat(platform.createdTopics()).hasSameSizeAs(LocalTopics.all());
      assertThat(cleanupPolicy(admin, "custody.partners")).isEqualTo("compact");
      assertThat(cleanupPolicy(admin, "custody.events")).isEqualTo("delete");
    }
  }

  @Test
  void shouldKeepTopicsAndSchemaIdsWhenRestartedOnTheSameDataDir() throws Exception {
    LocalConfig config = freshConfig();
    int id;
    try (var platform = LocalPlatform.start(config)) {
      id = register(platform.registryUrl(), "probe-value");
    }

    try (var restarted = LocalPlatform.start(config)) {

      assertThat(restarted.createdTopics()).isEmpty();
      var byId = get(restarted.registryUrl().resolve("/schemas/ids/" + id));
      assertThat(byId.statusCode()).isEqualTo(200);
      assertThat(byId.body()).contains("Probe");
      assertThat(register(restarted.registryUrl(), "probe-value")).isEqualTo(id);
    }
  }

  @Test
  void shouldAcceptAnEventOverHttpWhenItsPartnerWasRegisteredWithTheAdminToken() throws Exception {
    LocalConfig config = freshConfig();
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());

    try (var platform = LocalPlatform.start(config)) {
      String admin = Files.readString(config.tokensDir().resolve("admin.token")).strip();
      var registered = post(platform.httpUrl().resolve("/v1/partners"), registration(key), admin);
      var submitted = post(platform.httpUrl().resolve("/v1/events"), envelope(key), null);

      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
      assertThat(submitted.body()).contains("\"status\":\"accepted\"");
      assertThat(eventKeys(platform.bootstrapServers())).contains("DEV-1");
    }
  }

  @Test
  void shouldPrintEachOutcomeWhenEventsAreSubmittedWithTheCli() throws Exception {
    LocalConfig config = freshConfig();
    KeyPairs.Generated pair = KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
    Signer key = Signers.forKey(pair.privateKeyPkcs8());
    Path keyFile =
        Files.writeString(dataDir.resolve("acme.pem"), Pem.writePrivateKey(pair.privateKeyPkcs8()));
    Path good =
        Files.writeString(dataDir.resolve("good.json"), event("cli-1", "SEAL_APPLIED", SEAL));
    Path denied =
        Files.writeString(
            dataDir.resolve("denied.json"), event("cli-2", "COMMISSIONED", "{\"customer\":\"c\"}"));

    try (var platform = LocalPlatform.start(config)) {
      Path pub =
          Files.writeString(
              dataDir.resolve("acme.pub.pem"), Pem.writePublicKey(pair.publicKeySpki()));
      String url = platform.httpUrl().toString();
      String token = config.tokensDir().resolve("admin.token").toString();
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
      String keyid = key.verifier().keyId().hex();
      var admin = new String[] {"--url", url, "--token-file", token};
      assertThat(cli.execute(concat(new String[] {"partners", "revoke", "acme", keyid}, admin)))
          .isZero();
      assertThat(cli.execute(concat(new String[] {"partners", "show", "acme"}, admin))).isZero();
      assertThat(out.toString()).contains("\"revokedAt\"");
    }
  }

  private static String registration(Signer key) {
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    return "{\"partnerId\":\"acme\",\"roles\":[\"MANUFACTURER\"],\"sites\":[],"
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
    return "{\"eventId\":\""
        + eventId
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\""
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "\",\"partnerId\":\"acme\",\"site\":\"f-1\",\"subject\":\"DEV-1\","
        + "\"detail\":"
        + detail
        + "}";
  }

  private static String envelope(Signer key) {
    String event = event("ev-1", "SEAL_APPLIED", SEAL);
    var signed =
        EnvelopeSigner.sign(
            SubmissionVerifier.EVENT_PAYLOAD_TYPE,
            event.getBytes(StandardCharsets.UTF_8),
            List.of(key));
    return EnvelopeJson.write(signed);
  }

  private HttpResponse<String> post(URI uri, String body, String token) throws Exception {
    var request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  private LocalConfig freshConfig() throws IOException {
    return new LocalConfig(dataDir, "localhost", freePort(), freePort(), 0, 0);
  }

  private int register(URI registry, String subject) throws Exception {
    var request =
        HttpRequest.newBuilder(registry.resolve("/subjects/" + subject + "/versions"))
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + SCHEMA + "\"}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Integer.parseInt(response.body().replaceAll("\\D+", ""));
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
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
