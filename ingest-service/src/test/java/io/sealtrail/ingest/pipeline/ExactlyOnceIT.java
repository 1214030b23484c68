package io.sealtrail.ingest.pipeline;

import static io.sealtrail.ingest.testing.Events.NOW;
import static io.sealtrail.ingest.testing.Events.OCCURRED;
import static io.sealtrail.ingest.testing.Events.sealApplied;
import static io.sealtrail.ingest.testing.Partners.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.dedup.DedupEntry;
import io.sealtrail.ingest.dedup.DedupKey;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.testing.IngestRig;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.trust.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deduplication that holds across restarts, several instances and a crash in the middle of a batch,
 * proven on what read_committed consumers of custody.events see.
 */
class ExactlyOnceIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final Partners partners = new Partners();
  private IngestRig rig;
  private KafkaSubmissionGateway gateway;

  @BeforeEach
  void startRig(TestInfo test) throws InterruptedException {
    rig = IngestRig.forTest(KAFKA, test);
    gateway = rig.startGateway("g1");
  }

  @AfterEach
  void stopRig() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldRecognizeDuplicateAndReplayWhenPipelineRestarted() throws Exception {
    IngestVerifier first = rig.startVerifier("v1", partners.verifier());
    byte[] envelope = envelope(sealApplied("ev-1", "DEV-1", "S-1", OCCURRED), partners.acmeKey);
    var accepted = (SubmissionResult.Accepted) await(gateway.submit(submission(envelope)));
    first.close();
    rig.startVerifier("v2", partners.verifier());

    SubmissionResult retry = await(gateway.submit(submission(envelope)));
    SubmissionResult replay =
        await(
            gateway.submit(
                submission(
                    envelope(sealApplied("ev-1", "DEV-1", "S-9", OCCURRED), partners.acmeKey))));

    assertThat(retry)
        .isEqualTo(new SubmissionResult.Duplicate("ev-1", accepted.partition(), accepted.offset()));
    assertThat(replay)
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.REPLAY));
    assertThat(rig.events()).hasSize(1);
  }

  @Test
  void shouldAcceptEachEventOnceWhenTwoInstancesShareTheWork() throws Exception {
    Counting one = new Counting();
    Counting two = new Counting();
    rig.startVerifier("v1", partners.verifier(), one);
    List<byte[]> envelopes = spreadEnvelopes(30);
    List<SubmissionResult> before = await(gateway.submitAll(submissions(envelopes, 2)));
    rig.startVerifier("v2", partners.verifier(), two);
    awaitOwnership(two);

    List<SubmissionResult> after = await(gateway.submitAll(submissions(envelopes, 2)));

    List<SubmissionResult> all = new ArrayList<>(before);
    all.addAll(after);
    assertEachAcceptedOnce(all, 30);
    assertThat(all).filteredOn(SubmissionResult.Duplicate.class::isInstance).hasSize(90);
    // Each instance hears its commits just after the gateway can read their replies.
    Eventually.await(
        () -> one.answered.get() + two.answered.get(), sum -> sum == 120, "every outcome heard");
    assertThat(two.answered.get()).as("submissions answered by the second instance").isPositive();
  }

  @Test
  void shouldAcceptEachEventOnceWhenAnInstanceLeavesWhileSubmissionsAreInFlight() throws Exception {
    Counting staying = new Counting();
    IngestVerifier leaving = rig.startVerifier("v1", partners.verifier());
    rig.startVerifier("v2", partners.verifier(), staying);
    awaitOwnership(staying);
    List<byte[]> envelopes = spreadEnvelopes(40);

    CompletableFuture<List<SubmissionResult>> inFlight =
        gateway.submitAll(submissions(envelopes, 2));
    leaving.close();

    List<SubmissionResult> results = await(inFlight);
    assertEachAcceptedOnce(results, 40);
    Eventually.await(
        () -> staying.owned,
        owned -> owned.size() == rig.topics().partitions(),
        "the staying instance owns every partition");
  }

  @Test
  void shouldLoseAndDuplicateNothingWhenVerifierFailsMidBatch() throws Exception {
    List<byte[]> envelopes = envelopes(10); // one partner, one partition: fetched as one batch
    List<CompletableFuture<SubmissionResult>> pending =
        submissions(envelopes, 1).stream().map(gateway::submit).toList();
    awaitSubmissionsOnTopic(10);
    IngestVerifier crashing = rig.startVerifier("v1", partners.verifierFailingAfter(4));
    assertThat(crashing.stopped()).failsWithin(Duration.ofSeconds(30));
    rig.startVerifier("v2", partners.verifier());

    List<SubmissionResult> results = pending.stream().map(ExactlyOnceIT::await).toList();

    assertEachAcceptedOnce(results, 10);
    assertThat(rig.uncommittedEventCount())
        .as("the failed batch did write events, which its abort hides")
        .isGreaterThan(10);
  }

  @Test
  void shouldIgnoreWhatACrashedInstanceLeftOpenWhenItRestartsUnderItsId() throws Exception {
    byte[] envelope = envelope(sealApplied("ev-z", "DEV-Z", "S-Z", OCCURRED), partners.acmeKey);
    String key = DedupKey.of(Partners.ACME, "ev-z");
    try (var crashed =
        new KafkaProducer<String, byte[]>(
            new ClientSettings(rig.config("v1")).transactionalProducer(IngestVerifier.GROUP))) {
      crashed.initTransactions();
      crashed.beginTransaction();
      var otherContent = new DedupEntry("0".repeat(64), 0, 0, NOW).toBytes();
      for (int partition = 0; partition < rig.topics().partitions(); partition++) {
        crashed.send(new ProducerRecord<>(rig.topics().dedup(), partition, key, otherContent));
      }
      crashed.send(new ProducerRecord<>(rig.topics().events(), "DEV-Z", new byte[] {0})).get();
      rig.startVerifier("v1", partners.verifier());

      SubmissionResult result = await(gateway.submit(submission(envelope)));

      assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
      assertThat(rig.events()).hasSize(1);
      assertThat(rig.uncommittedEventCount()).isEqualTo(2);
    }
  }

  /**
   * Each of {@code events} events was accepted exactly once, every answer about it names the same
   * position, and custody.events holds each once.
   */
  private void assertEachAcceptedOnce(List<SubmissionResult> results, int events) {
    assertThat(results).filteredOn(SubmissionResult.Accepted.class::isInstance).hasSize(events);
    assertThat(positionsByEventId(results))
        .hasSize(events)
        .allSatisfy((id, positions) -> assertThat(positions).hasSize(1));
    assertThat(rig.events())
        .extracting(e -> e.getEvent().getEventId())
        .doesNotHaveDuplicates()
        .hasSize(events);
  }

  private List<byte[]> envelopes(int count) {
    return IntStream.range(0, count).mapToObj(this::envelopeOf).toList();
  }

  /**
   * Envelopes of acme, bolt and crane in turn, whose partner keys land on every submissions
   * partition: whichever partitions an instance owns, some of them are its work.
   */
  private List<byte[]> spreadEnvelopes(int count) {
    int partitions = rig.topics().partitions();
    List<Partners.Manufacturer> others = partners.others;
    List<String> ids = List.of(Partners.ACME, others.get(0).partnerId(), others.get(1).partnerId());
    assertThat(ids.stream().map(id -> partitionOf(id, partitions)).distinct())
        .as("the partners' keys cover every submissions partition")
        .hasSize(partitions);
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                i % 3 == 0
                    ? envelopeOf(i)
                    : envelope(
                        sealApplied(
                            others.get(i % 3 - 1).partnerId(),
                            "ev-" + i,
                            "DEV-" + i,
                            "S-" + i,
                            OCCURRED),
                        others.get(i % 3 - 1).key()))
        .toList();
  }

  /** The partition Kafka's default partitioner gives a key. */
  private static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private byte[] envelopeOf(int i) {
    return envelope(sealApplied("ev-" + i, "DEV-" + i, "S-" + i, OCCURRED), partners.acmeKey);
  }

  /** Each envelope {@code times} times, shuffled, each a separate HTTP submission. */
  private static List<Submission> submissions(List<byte[]> envelopes, int times) {
    List<Submission> all = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      envelopes.forEach(envelope -> all.add(submission(envelope)));
    }
    Collections.shuffle(all);
    return all;
  }

  private static Submission submission(byte[] envelope) {
    return Submission.http(envelope, NOW, null);
  }

  private static Map<String, List<String>> positionsByEventId(List<SubmissionResult> results) {
    return results.stream()
        .map(ExactlyOnceIT::located)
        .collect(
            Collectors.groupingBy(
                located -> located.get(0),
                Collectors.mapping(
                    located -> located.get(1),
                    Collectors.collectingAndThen(Collectors.toSet(), List::copyOf))));
  }

  private static List<String> located(SubmissionResult result) {
    if (result instanceof SubmissionResult.Accepted a) {
      return List.of(a.eventId(), a.partition() + "@" + a.offset());
    }
    var d = (SubmissionResult.Duplicate) result;
    return List.of(d.eventId(), d.partition() + "@" + d.offset());
  }

  private void awaitSubmissionsOnTopic(int count) throws InterruptedException {
    Eventually.await(
        () -> rig.committed(rig.topics().submissions()).size(),
        size -> size >= count,
        "submissions on the topic");
  }

  private static void awaitOwnership(Counting instance) throws InterruptedException {
    Eventually.await(() -> instance.owned, owned -> !owned.isEmpty(), "partitions owned");
  }

  private static <T> T await(CompletableFuture<T> future) {
    return future.orTimeout(40, TimeUnit.SECONDS).join();
  }

  /** Counts the outcomes one verifier instance committed. */
  private static final class Counting implements IngestListener {
    final AtomicInteger answered = new AtomicInteger();
    volatile Set<Integer> owned = Set.of();

    @Override
    public void partitionsOwned(Set<Integer> partitions) {
      owned = partitions;
    }

    @Override
    public void accepted(Channel channel, String partnerId) {
      answered.incrementAndGet();
    }

    @Override
    public void duplicate(Channel channel, String partnerId) {
      answered.incrementAndGet();
    }
  }
}
