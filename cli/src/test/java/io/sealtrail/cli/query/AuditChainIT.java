package io.sealtrail.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.cli.Sealtrail;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogNode;
import io.sealtrail.log.LogTopics;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.testing.TempDirs;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The audit log end to end on a real broker and over real HTTP: partner actions through ingest's
 * admin API are chained by the log service, read at {@code /v1/audit} with the caller as actor,
 * verified by {@code sealtrail audit --verify} straight from the topic, and tampered copies of the
 * topic (a record removed, a record edited) are each caught with their own message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String scope;
  private static Path dir;
  private static IngestNode ingest;
  private static LogNode log;
  private static LogTopics logTopics;
  private static String keyid;

  @BeforeAll
  static void start() throws Exception {
    scope = EmbeddedKafka.uniqueName("audit-it");
    dir = Files.createTempDirectory("audit-it");
    RoleTokens.ensure(dir.resolve("tokens"));
    LogKey.ensure(dir.resolve("log.key"), LogConfig.DEFAULT_ORIGIN);
    LogConfig logConfig = logConfig("state-1");
    logTopics = LogTopics.from(logConfig, logConfig.serdeConfig());
    try (var admin = KAFKA.admin()) {
      admin.createTopics(logTopics.newTopics((short) 1)).all().get();
    }
    ingest = IngestNode.start(ingestConfig());
    log = LogNode.start(logConfig);

    var key = KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
    keyid = Signers.forKey(key.privateKeyPkcs8()).verifier().keyId().hex();
    String pem = Pem.writePublicKey(key.publicKeySpki()).replace("\n", "\\n");
    String body =
        "{\"partnerId\":\"acme\",\"roles\":[\"%s\"],\"sites\":[],\"keys\":[{\"publicKey\":\"%s\"}]}";
    assertThat(post("/v1/partners", body.formatted("MANUFACTURER", pem), "req-acme-1").statusCode())
        .isEqualTo(201);
    assertThat(post("/v1/partners", body.formatted("LOGISTICS", pem), null).statusCode())
        .isEqualTo(200);
    assertThat(post("/v1/partners/acme/keys/" + keyid + "/revoke", "", null).statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (log != null) {
      log.close();
    }
    if (ingest != null) {
      ingest.close();
    }
    TempDirs.delete(dir);
  }

  @Test
  @Order(1)
  void shouldAnswerEachPartnerActionChainedWithTheCallerAsActor() throws Exception {
    JsonNode records = awaitRecords(3);
    String admin = callerName(Role.ADMIN);

    assertThat(records).hasSize(3);
    assertThat(texts(records, "action"))
        .containsExactly(
            AuditActions.PARTNER_REGISTERED,
            AuditActions.PARTNER_UPDATED,
            AuditActions.PARTNER_KEY_REVOKED);
    assertThat(texts(records, "actor")).containsOnly(admin);
    assertThat(texts(records, "target")).containsOnly("partner:acme");
    assertThat(records.get(0).path("requestId").asText()).isEqualTo("req-acme-1");
    assertThat(records.get(0).path("index").asLong()).isZero();
    assertThat(records.get(0).path("prevHash").asText()).isEqualTo("0".repeat(64));
    assertThat(records.get(0).path("beforeSha256").isNull()).isTrue();
    for (int i = 1; i < 3; i++) {
      assertThat(records.get(i).path("index").asLong()).isEqualTo(i);
      assertThat(records.get(i).path("prevHash").asText())
          .isEqualTo(records.get(i - 1).path("hash").asText());
      assertThat(records.get(i).path("beforeSha256").asText())
          .isEqualTo(records.get(i - 1).path("afterSha256").asText());
    }
  }

  @Test
  @Order(2)
  void shouldFilterAndPageTheAuditLog() throws Exception {
    awaitRecords(3);

    JsonNode revoked = json(get("/v1/audit?action=partner.key-revoked", Role.AUDITOR));
    JsonNode firstPage = json(get("/v1/audit?target=partner:acme&limit=2", Role.ADMIN));
    JsonNode secondPage =
        json(
            get(
                "/v1/audit?target=partner:acme&limit=2&after=" + firstPage.path("next").asLong(),
                Role.ADMIN));
    JsonNode nobody = json(get("/v1/audit?actor=nobody", Role.AUDITOR));
    JsonNode future = json(get("/v1/audit?since=2999-01-01T00:00:00Z", Role.AUDITOR));

    assertThat(texts(revoked.path("records"), "action")).containsExactly("partner.key-revoked");
    assertThat(firstPage.path("records")).hasSize(2);
    assertThat(firstPage.path("next").asLong()).isEqualTo(1);
    assertThat(secondPage.path("records").get(0).path("index").asLong()).isEqualTo(2);
    assertThat(secondPage.path("next").isNull()).isTrue();
    assertThat(nobody.path("records")).isEmpty();
    assertThat(future.path("records")).isEmpty();
  }

  @Test
  @Order(3)
  void shouldRefuseEveryoneButAuditorsAndAdministrators() throws Exception {
    assertThat(get("/v1/audit", Role.SECOPS).statusCode()).isEqualTo(403);
    assertThat(get("/v1/audit", Role.RECALL).statusCode()).isEqualTo(403);
    assertThat(get("/v1/audit", null).statusCode()).isEqualTo(401);
    assertThat(get("/v1/audit", Role.AUDITOR).statusCode()).isEqualTo(200);
    assertThat(get("/v1/audit", Role.ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void shouldAnswer400NamingTheParameterItCannotRead() throws Exception {
    for (String query :
        List.of(
            "since=yesterday",
            "until=2026-13-01T00:00:00Z",
            "since=2026-12-07T10:00:00Z&until=2026-12-07T09:00:00Z",
            "limit=0",
            "limit=1001",
            "limit=ten",
            "after=-1")) {
      HttpResponse<String> answer = get("/v1/audit?" + query, Role.AUDITOR);
      String parameter = query.contains("&") ? "until" : query.substring(0, query.indexOf('='));

      assertThat(answer.statusCode()).as(query).isEqualTo(400);
      assertThat(answer.headers().firstValue("content-type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(json(answer).path("field").asText()).as(query).isEqualTo("/" + parameter);
    }
  }

  @Test
  @Order(5)
  void shouldListTheAuditLogFromTheCommandLine() throws Exception {
    awaitRecords(3);
    Path token = dir.resolve("tokens").resolve(Role.AUDITOR.fileName());

    Run lines = sealtrail("audit", "--url", url(), "--token-file", token.toString());
    Run asSecops =
        sealtrail(
            "audit",
            "--url",
            url(),
            "--token-file",
            dir.resolve("tokens").resolve(Role.SECOPS.fileName()).toString());
    Run filtered =
        sealtrail(
            "audit",
            "--url",
            url(),
            "--token-file",
            token.toString(),
            "--action",
            "partner.updated",
            "--json");

    assertThat(asSecops.exitCode()).isEqualTo(QueryFailure.REFUSED);
    assertThat(asSecops.err())
        .contains(
            "audit: error: the token's role may not read /v1/audit (403)",
            "needs admin or auditor");
    assertThat(lines.exitCode()).as(lines.err()).isZero();
    assertThat(lines.out()).contains("partner.registered", "partner:acme", "3 records");
    assertThat(filtered.exitCode()).as(filtered.err()).isZero();
    JsonNode records = JSON.readTree(filtered.out()).path("records");
    assertThat(texts(records, "action")).containsExactly("partner.updated");
  }

  @Test
  @Order(6)
  void shouldVerifyTheRealChainAndNameARemovedAndAnEditedRecord() throws Exception {
    JsonNode served = awaitRecords(3);
    List<ConsumerRecord<String, byte[]>> chain = committed(logTopics.audit().name());
    assertThat(chain).hasSize(served.size());
    String head = served.get(served.size() - 1).path("hash").asText();

    Run intact = verify(logTopics.audit().name());

    String removed = copy(chain, "removed", List.of(chain.get(0), chain.get(2)));
    List<ConsumerRecord<String, byte[]>> editedChain = new ArrayList<>(chain);
    editedChain.set(1, edited(chain.get(1)));
    String edited = copy(chain, "edited", editedChain);
    Run withoutOne = verify(removed);
    Run withAnEdit = verify(edited);

    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out().strip())
        .isEqualTo(served.size() + " records, chain intact, head " + head);
    assertThat(withoutOne.exitCode()).isEqualTo(AuditCommand.BROKEN);
    assertThat(withoutOne.err())
        .contains("record 1 is missing", "a gap in the index")
        .doesNotContain("edited");
    assertThat(withAnEdit.exitCode()).isEqualTo(AuditCommand.BROKEN);
    assertThat(withAnEdit.err())
        .contains("record 1 was edited", "hashes to")
        .doesNotContain("missing");
  }

  @Test
  @Order(7)
  void shouldContinueTheChainWhenALogInstanceStartsFromTheChangelogAlone() throws Exception {
    String lastHash = awaitRecords(3).get(2).path("hash").asText();
    log.close();
    // An empty state directory: the chain's head can only come back from the changelog.
    log = LogNode.start(logConfig("state-2"));

    assertThat(post("/v1/partners/acme/keys/" + keyid + "/revoke", "", null).statusCode())
        .isEqualTo(200);
    JsonNode records = awaitRecords(4);

    assertThat(records.get(3).path("index").asLong()).isEqualTo(3);
    assertThat(records.get(3).path("prevHash").asText()).isEqualTo(lastHash);
    // The store answers as soon as the record is chained; the topic once its transaction commits.
    Eventually.await(
        () -> committed(logTopics.audit().name()).size(), n -> n == 4, "4 committed records");
    Run intact = verify(logTopics.audit().name());
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out())
        .startsWith("4 records, chain intact, head " + records.get(3).path("hash").asText());
  }

  // --- the tampering -------------------------------------------------------------------------

  /** Record {@code original} with its actor changed and everything else, hash included, kept. */
  private static ConsumerRecord<String, byte[]> edited(ConsumerRecord<String, byte[]> original) {
    try (var serde = serde()) {
      AuditRecord record = serde.deserializer().deserialize(original.topic(), original.value());
      record.setActor("someone-else");
      byte[] bytes = serde.serializer().serialize(original.topic(), record);
      return new ConsumerRecord<>(
          original.topic(), original.partition(), original.offset(), original.key(), bytes);
    }
  }

  /** A new one-partition topic holding {@code records}' bytes in order: a tampered copy. */
  private static String copy(
      List<ConsumerRecord<String, byte[]>> chain,
      String kind,
      List<ConsumerRecord<String, byte[]>> records)
      throws Exception {
    String topic = scope + ".audit." + kind;
    try (var admin = KAFKA.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (var r : records) {
        producer.send(new ProducerRecord<>(topic, r.key(), r.value())).get();
      }
    }
    assertThat(records.size()).isLessThanOrEqualTo(chain.size());
    return topic;
  }

  private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    var props = new HashMap<String, Object>();
    props.put("bootstrap.servers", KAFKA.bootstrapServers());
    props.put("isolation.level", "read_committed");
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<>(
            props,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(java.time.Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  private static SpecificAvroSerde<AuditRecord> serde() {
    var serde = new SpecificAvroSerde<>(AuditRecord.class);
    serde.configure(Map.of("schema.registry.url", "mock://" + scope), false);
    return serde;
  }

  // --- the command line ----------------------------------------------------------------------

  record Run(int exitCode, String out, String err) {}

  private static Run verify(String topic) {
    return sealtrail(
        "audit",
        "--verify",
        "--bootstrap-server",
        KAFKA.bootstrapServers(),
        "--registry",
        "mock://" + scope,
        "--topic",
        topic);
  }

  private static Run sealtrail(String... args) {
    CommandLine cli = Sealtrail.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  // --- HTTP ----------------------------------------------------------------------------------

  /** The records at /v1/audit once there are at least {@code count}. */
  private static JsonNode awaitRecords(int count) throws InterruptedException {
    return Eventually.await(
        () -> {
          HttpResponse<String> answer = get("/v1/audit", Role.AUDITOR);
          return answer.statusCode() == 200 ? json(answer).path("records") : JSON.createArrayNode();
        },
        records -> records.size() >= count,
        count + " chained audit records");
  }

  private static HttpResponse<String> post(String path, String body, String requestId)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(ingest.url() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token(Role.ADMIN));
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, Role role) {
    var request = HttpRequest.newBuilder(URI.create(log.url() + path));
    if (role != null) {
      request.header("Authorization", "Bearer " + token(role));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException(answer.body(), e);
    }
  }

  private static List<String> texts(JsonNode records, String field) {
    List<String> values = new ArrayList<>();
    records.forEach(r -> values.add(r.path(field).asText()));
    return values;
  }

  private static String url() {
    return log.url().toString();
  }

  private static String token(Role role) {
    try {
      return Files.readString(dir.resolve("tokens").resolve(role.fileName())).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The actor the gate names for {@code role}'s token: from the fixture that issued it. */
  private static String callerName(Role role) {
    return RoleTokens.load(dir.resolve("tokens")).authenticate(token(role)).orElseThrow().name();
  }

  // --- configuration -------------------------------------------------------------------------

  private static IngestConfig ingestConfig() {
    Map<String, String> flat = new HashMap<>();
    flat.put("bootstrap.servers", KAFKA.bootstrapServers());
    flat.put("schema.registry.url", "mock://" + scope);
    flat.put("sealtrail.ingest.instance-id", "ingest-1");
    flat.put("sealtrail.ingest.group-prefix", scope);
    flat.put("sealtrail.topics.partitions", "1");
    flat.put("sealtrail.topics.replication-factor", "1");
    flat.put("sealtrail.http.host", "127.0.0.1");
    flat.put("sealtrail.http.port", "0");
    flat.put("sealtrail.management.port", "-1");
    flat.put("sealtrail.tokens.dir", dir.resolve("tokens").toString());
    IngestConfig config = IngestConfig.from(flat);
    return config.withTopics(config.topics().prefixed(scope + "."));
  }

  private static LogConfig logConfig(String stateDir) throws IOException {
    Map<String, String> s = new HashMap<>();
    s.put("application.id", scope + "-log");
    s.put("bootstrap.servers", KAFKA.bootstrapServers());
    s.put("schema.registry.url", "mock://" + scope);
    s.put("state.dir", Files.createDirectories(dir.resolve(stateDir)).toString());
    s.put("num.standby.replicas", "0");
    s.put("sealtrail.topics.events", scope + ".custody.events");
    s.put("sealtrail.topics.log", scope + ".log");
    s.put("sealtrail.topics.log-checkpoints", scope + ".log.checkpoints");
    s.put("sealtrail.topics.log-dlq", scope + ".log.dlq");
    s.put("sealtrail.topics.audit-actions", scope + ".custody.audit.actions");
    s.put("sealtrail.topics.audit", scope + ".audit");
    s.put(LogConfig.KEY_FILE, dir.resolve("log.key").toString());
    s.put("sealtrail.http.host", "127.0.0.1");
    s.put("sealtrail.http.port", "0");
    s.put("sealtrail.management.port", "-1");
    s.put("sealtrail.tokens.dir", dir.resolve("tokens").toString());
    return LogConfig.from(s);
  }
}
