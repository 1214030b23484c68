package io.sealtrail.log.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogTopics;
import io.sealtrail.log.fixtures.Accepted;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.translog.entry.LogEntry;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.merkle.AppendableMerkleTree;
import io.sealtrail.translog.merkle.InMemoryNodeStore;
import io.sealtrail.translog.merkle.MerkleTree;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteSigner;
import io.sealtrail.translog.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sequencer in a TopologyTestDriver: one order, every event once, checkpoints on time. */
class LogTopologyTest {
  private static final String ORIGIN = "sealtrail.example/log";
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @TempDir Path dir;
  private TopologyTestDriver driver;
  private NoteSigner signer;
  private TestInputTopic<String, VerifiedEvent> events;
  private TestOutputTopic<String, String> log;
  private TestOutputTopic<String, String> checkpoints;
  private final AppendableMerkleTree expected = new AppendableMerkleTree(new InMemoryNodeStore());

  @BeforeEach
  void start() throws Exception {
    String scope = "log-topology-" + UUID.randomUUID();
    Path key = dir.resolve("log.key");
    signer = LogKey.ensure(key, ORIGIN);
    LogConfig config =
        LogConfig.from(
            Map.of(
                "bootstrap.servers",
                "unused:9092",
                "schema.registry.url",
                "mock://" + scope,
                "state.dir",
                Files.createDirectories(dir.resolve("state")).toString(),
                LogConfig.KEY_FILE,
                key.toString(),
                LogConfig.ORIGIN,
                ORIGIN));
    LogTopics topics = LogTopics.from(config, config.serdeConfig());
    driver =
        new TopologyTestDriver(
            LogTopology.build(topics, signer, INTERVAL), config.streams().properties(), T0);
    SpecificAvroSerde<VerifiedEvent> serde = new SpecificAvroSerde<>(VerifiedEvent.class);
    serde.configure(config.serdeConfig(), false);
    events =
        driver.createInputTopic(topics.events().name(), new StringSerializer(), serde.serializer());
    log =
        driver.createOutputTopic(
            topics.log().name(), new StringDeserializer(), new StringDeserializer());
    checkpoints =
        driver.createOutputTopic(
            topics.checkpoints().name(), new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldAppendEveryEventOnceInTheOrderItArrived() {
    List<VerifiedEvent> sent = send(5);

    List<LogEntry> entries = log.readValuesToList().stream().map(ProofJson::readEntry).toList();

    assertThat(entries).extracting(LogEntry::index).containsExactly(0L, 1L, 2L, 3L, 4L);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(entries.get(i).leaf()).isEqualTo(AcceptedLeaves.of(sent.get(i)));
    }
  }

  @Test
  void shouldSignACheckpointOnTheWallClockWithNoFurtherTraffic() {
    send(3);
    assertThat(checkpoints.isEmpty()).isTrue();

    driver.advanceWallClockTime(INTERVAL);

    Checkpoint signed = verified(checkpoints.readValue());
    assertThat(signed.size()).isEqualTo(3);
    assertThat(signed.rootHash()).isEqualTo(expected.rootHash(3));
    assertThat(checkpoints.isEmpty()).isTrue();
  }

  @Test
  void shouldSignOnlyWhenTheTreeGrew() {
    send(2);
    driver.advanceWallClockTime(INTERVAL);
    assertThat(verified(checkpoints.readValue()).size()).isEqualTo(2);

    driver.advanceWallClockTime(INTERVAL);
    driver.advanceWallClockTime(INTERVAL);
    assertThat(checkpoints.isEmpty()).isTrue();

    send(3);
    driver.advanceWallClockTime(INTERVAL);
    Checkpoint grown = verified(checkpoints.readValue());
    assertThat(grown.size()).isEqualTo(5);
    assertThat(grown.rootHash()).isEqualTo(expected.rootHash(5));
    assertThat(expected.consistencyProof(2, 5).verifies(expected.rootHash(2), grown.rootHash()))
        .isTrue();
  }

  @Test
  void shouldSignTheEmptyTreeOnceSoThatTheLogHasAHeadBeforeAnyEvent() {
    driver.advanceWallClockTime(INTERVAL);
    driver.advanceWallClockTime(INTERVAL);

    List<String> signed = checkpoints.readValuesToList();
    assertThat(signed).hasSize(1);
    assertThat(verified(signed.get(0)).size()).isZero();
  }

  @Test
  void shouldSkipATombstoneAndAppendTheNextEvent() {
    events.pipeInput("DEV-0", null);
    List<VerifiedEvent> sent = send(1);

    List<LogEntry> entries = log.readValuesToList().stream().map(ProofJson::readEntry).toList();

    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).leaf()).isEqualTo(AcceptedLeaves.of(sent.get(0)));
  }

  @Test
  void shouldKeepTheStoresOfTheTreeTheEntriesAndTheEvents() {
    List<VerifiedEvent> sent = send(4);
    driver.advanceWallClockTime(INTERVAL);

    var treeStore = driver.<Bytes, byte[]>getKeyValueStore(LogStores.TREE);
    MerkleTree stored = new MerkleTree(StoredNodes.of(treeStore));
    var eventIndex = driver.<Bytes, byte[]>getKeyValueStore(LogStores.EVENTS);
    var signed = driver.<Bytes, byte[]>getKeyValueStore(LogStores.CHECKPOINTS);

    assertThat(stored.size()).isEqualTo(4);
    assertThat(stored.rootHash(4)).isEqualTo(expected.rootHash(4));
    VerifiedEvent third = sent.get(2);
    byte[] index =
        eventIndex.get(
            LogStores.eventKey(third.getEvent().getPartnerId(), third.getEvent().getEventId()));
    assertThat(LogStores.number(index)).isEqualTo(2);
    assertThat(new String(signed.get(LogStores.number(4)), StandardCharsets.UTF_8))
        .isEqualTo(checkpoints.readValue());
  }

  private List<VerifiedEvent> send(int count) {
    long base = expected.size();
    List<VerifiedEvent> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long n = base + i;
      // Serials spread over the input's partitions; the log's order is the order of arrival.
      VerifiedEvent event =
          Accepted.event(
              n % 2 == 0 ? "dock7" : "fab3", "ev-" + n, "DEV-" + n % 3, T0.plusSeconds(n));
      events.pipeInput(event.getEvent().getSubject(), event);
      expected.append(AcceptedLeaves.of(event).encode());
      sent.add(event);
    }
    return sent;
  }

  private Checkpoint verified(String note) {
    return Checkpoint.verify(note, NoteVerifier.of(signer.verifierKey()), ORIGIN);
  }
}
