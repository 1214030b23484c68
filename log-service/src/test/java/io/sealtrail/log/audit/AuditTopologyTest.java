package io.sealtrail.log.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogTopics;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.log.sequence.LogTopology;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditEntryJson;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit chainer in a TopologyTestDriver: one order, hash links, a head kept across restarts.
 */
class AuditTopologyTest {
  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  private static final String ZEROS = "0".repeat(64);

  @TempDir Path dir;
  private LogConfig config;
  private LogTopics topics;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> actions;
  private TestOutputTopic<String, AuditRecord> audit;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() throws Exception {
    String scope = "audit-topology-" + UUID.randomUUID();
    Path key = dir.resolve("log.key");
    LogKey.ensure(key, LogConfig.DEFAULT_ORIGIN);
    config =
        LogConfig.from(
            Map.of(
                "bootstrap.servers",
                "unused:9092",
                "schema.registry.url",
                "mock://" + scope,
                "state.dir",
                Files.createDirectories(dir.resolve("state")).toString(),
                LogConfig.KEY_FILE,
                key.toString()));
    topics = LogTopics.from(config, config.serdeConfig());
    driver = newDriver();
  }

  private TopologyTestDriver newDriver() {
    var signer = LogKey.load(dir.resolve("log.key"), LogConfig.DEFAULT_ORIGIN);
    TopologyTestDriver started =
        new TopologyTestDriver(
            LogTopology.build(topics, signer, Duration.ofSeconds(5)),
            config.streams().properties(),
            T0);
    actions =
        started.createInputTopic(
            topics.auditActions().name(), new StringSerializer(), new ByteArraySerializer());
    SpecificAvroSerde<AuditRecord> serde = new SpecificAvroSerde<>(AuditRecord.class);
    serde.configure(config.serdeConfig(), false);
    audit =
        started.createOutputTopic(
            topics.audit().name(), new StringDeserializer(), serde.deserializer());
    deadLetters =
        started.createOutputTopic(
            topics.deadLetter().name(), new StringDeserializer(), new ByteArrayDeserializer());
    return started;
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldChainEveryActionInTheOrderItArrived() {
    List<AuditEntry> sent = List.of(entry("alice", 0), entry("bob", 1), entry("carol", 2));
    sent.forEach(this::send);

    List<KeyValue<String, AuditRecord>> records = audit.readKeyValuesToList();

    assertThat(records).extracting(kv -> kv.key).containsExactly("0", "1", "2");
    for (int i = 0; i < sent.size(); i++) {
      AuditRecord r = records.get(i).value;
      assertThat(r.getIndex()).isEqualTo(i);
      assertThat(r.getActor()).isEqualTo(sent.get(i).actor());
      assertThat(r.getTarget()).isEqualTo(sent.get(i).target());
      assertThat(r.getAt()).isEqualTo(sent.get(i).at());
      assertThat(r.getRequestId()).isEqualTo(sent.get(i).requestId());
      assertThat(r.getAfterSha256()).isEqualTo(sent.get(i).afterSha256());
      assertThat(r.getHash()).isEqualTo(documentedHash(r));
    }
    assertThat(records.get(0).value.getPrevHash()).isEqualTo(ZEROS);
    assertThat(records.get(1).value.getPrevHash()).isEqualTo(records.get(0).value.getHash());
    assertThat(records.get(2).value.getPrevHash()).isEqualTo(records.get(1).value.getHash());
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldHashTheDocumentedEncodingSoThatAnyFieldChangeShows() {
    send(entry("alice", 0));
    AuditRecord r = audit.readValue();

    assertThat(AuditHash.of(r)).isEqualTo(documentedHash(r)).isEqualTo(r.getHash());
    for (AuditRecord edited :
        List.of(
            copy(r).setActor("mallory").build(),
            copy(r).setAt(r.getAt().plusMillis(1)).build(),
            copy(r).setAction(AuditActions.PARTNER_KEY_REVOKED).build(),
            copy(r).setBeforeSha256(r.getAfterSha256()).build(),
            copy(r).setAfterSha256(null).build(),
            copy(r).setPrevHash("1" + ZEROS.substring(1)).build(),
            copy(r).setIndex(1).build())) {
      assertThat(AuditHash.of(edited)).as(edited.toString()).isNotEqualTo(r.getHash());
    }
  }

  @Test
  void shouldKeepTheHeadWhenRestartedFromTheStoresChangelog() {
    send(entry("alice", 0));
    send(entry("bob", 1));
    List<AuditRecord> before = audit.readValuesToList();
    // What a restarted (or another) instance restores the store from.
    List<TestRecord<Bytes, byte[]>> changelog =
        driver
            .createOutputTopic(
                config.streams().applicationId() + "-" + AuditStore.NAME + "-changelog",
                new BytesDeserializer(),
                new ByteArrayDeserializer())
            .readRecordsToList();
    assertThat(changelog).isNotEmpty();
    driver.close();

    driver = newDriver();
    KeyValueStore<Bytes, byte[]> restored = driver.getKeyValueStore(AuditStore.NAME);
    changelog.forEach(r -> restored.put(r.key(), r.value()));
    send(entry("carol", 2));

    AuditRecord third = audit.readValue();
    assertThat(third.getIndex()).isEqualTo(2);
    assertThat(third.getPrevHash()).isEqualTo(before.get(1).getHash());
    assertThat(third.getHash()).isEqualTo(documentedHash(third));
  }

  @Test
  void shouldDeadLetterAnActionThatIsNoEntryAndChainTheNext() {
    byte[] good = AuditEntryJson.write(entry("alice", 0));
    String json = new String(good, StandardCharsets.UTF_8);
    List<byte[]> bad = new ArrayList<>();
    bad.add("not json".getBytes(StandardCharsets.UTF_8));
    bad.add(json.replace("\"actor\":\"alice\",", "").getBytes(StandardCharsets.UTF_8));
    bad.add(
        json.replace("\"actor\":\"alice\"", "\"actor\":\" \"").getBytes(StandardCharsets.UTF_8));
    bad.add(
        json.replace("\"afterSha256\":\"", "\"afterSha256\":\"X").getBytes(StandardCharsets.UTF_8));
    bad.forEach(b -> actions.pipeInput("partner:acme", b, T0));
    actions.pipeInput("partner:acme", (byte[]) null, T0);
    actions.pipeInput("partner:acme", good, T0);

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    AuditRecord chained = audit.readValue();

    assertThat(dead).hasSize(5);
    for (int i = 0; i < bad.size(); i++) {
      assertThat(dead.get(i).value()).isEqualTo(bad.get(i));
    }
    assertThat(dead.get(4).value()).isNull();
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(header(r, AuditChainer.ERROR_HEADER)).isNotBlank();
              assertThat(header(r, AuditChainer.SOURCE_HEADER))
                  .startsWith(topics.auditActions().name() + "-0@");
            });
    assertThat(header(dead.get(1), AuditChainer.ERROR_HEADER)).contains("incomplete");
    assertThat(header(dead.get(3), AuditChainer.ERROR_HEADER)).contains("afterSha256");
    assertThat(chained.getIndex()).isZero();
    assertThat(chained.getPrevHash()).isEqualTo(ZEROS);
    assertThat(audit.isEmpty()).isTrue();
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private void send(AuditEntry entry) {
    actions.pipeInput(entry.target(), AuditEntryJson.write(entry), entry.at());
  }

  private static AuditEntry entry(String actor, int n) {
    return new AuditEntry(
        actor,
        n == 0 ? AuditActions.PARTNER_REGISTERED : AuditActions.PARTNER_UPDATED,
        "partner:acme",
        "req-" + n,
        T0.plusSeconds(n),
        n == 0 ? null : AuditEntry.digest(("v" + (n - 1)).getBytes(StandardCharsets.UTF_8)),
        AuditEntry.digest(("v" + n).getBytes(StandardCharsets.UTF_8)));
  }

  private static AuditRecord.Builder copy(AuditRecord r) {
    return AuditRecord.newBuilder(r);
  }

  /** The hash as the log-service README spells it, written here apart from {@link AuditHash}. */
  static String documentedHash(AuditRecord r) {
    ByteBuffer b = ByteBuffer.allocate(4096);
    str(b, "sealtrail.audit.v1");
    b.putLong(r.getIndex());
    str(b, r.getActor());
    b.putLong(r.getAt().toEpochMilli());
    str(b, r.getAction());
    str(b, r.getTarget());
    str(b, r.getRequestId());
    opt(b, r.getBeforeSha256());
    opt(b, r.getAfterSha256());
    str(b, r.getPrevHash());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(b.array(), 0, b.position());
      return HexFormat.of().formatHex(sha.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void str(ByteBuffer b, CharSequence s) {
    byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
    b.putInt(utf8.length).put(utf8);
  }

  private static void opt(ByteBuffer b, CharSequence s) {
    if (s == null) {
      b.put((byte) 0);
    } else {
      b.put((byte) 1);
      str(b, s);
    }
  }
}
