package io.sealtrail.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.client.Outcome;
import io.sealtrail.client.SealtrailClient;
import io.sealtrail.client.Stream;
import io.sealtrail.client.TestKeys;
import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.client.event.Detail;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.client.proof.ProofOutcome;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.translog.json.ProofJson;
import io.sealtrail.translog.note.NoteSigner;
import io.sealtrail.trust.crypto.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts and proofs end to end, on the real ingest and log services over one broker: each
 * accepted event's receipt names the leaf the log appends, and the client fetches, verifies (with
 * the log key it was given) and stores the inclusion proof of every event it sent; a proof under
 * another key is refused, not stored.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProofsIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final RetryPolicy QUICK =
      new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200));
  static final Signer KEY = TestKeys.newKey();
  static IngestPlatform ingest;
  static LogPlatform log;

  @TempDir Path outbox;

  @BeforeAll
  static void start() throws Exception {
    ingest = new IngestPlatform(KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("proofs"));
    ingest.start(KEY);
    log = new LogPlatform(KAFKA, ingest);
  }

  @AfterAll
  static void stop() throws Exception {
    if (log != null) {
      log.close();
    }
    if (ingest != null) {
      ingest.close();
    }
  }

  @Test
  void shouldStoreAVerifiedInclusionProofOfEachEventWhenTheLogHasCheckpointedIt() throws Exception {
    try (SealtrailClient client = client(log.verifierKey())) {
      Stream line = client.stream("line-1");
      List<Outcome> outcomes = line.submitAll(events("proof-", 3));

      assertThat(outcomes).allMatch(o -> o instanceof Outcome.Accepted);
      assertThat(outcomes)
          .allSatisfy(
              o ->
                  assertThat(((Outcome.Accepted) o).receipt().inclusionProof())
                      .startsWith("/v1/log/proof/inclusion?partnerId=acme&eventId=proof-"));
      assertThat(line.next()).isEqualTo(3);
      List<ProofOutcome> proven = awaitProofs(client, 3);

      assertThat(proven).allMatch(p -> p instanceof ProofOutcome.Proven);
      for (Outcome outcome : outcomes) {
        var accepted = (Outcome.Accepted) outcome;
        String stored =
            client.proofs().stored(IngestPlatform.PARTNER, accepted.eventId()).orElseThrow();
        assertThat(ProofJson.readInclusion(stored).proof().leafHash().base64())
            .as("the log's leaf for %s is the receipt's", accepted.eventId())
            .isEqualTo(accepted.receipt().leafHash());
      }
      assertThat(client.proofs().fetchAll()).as("nothing left to fetch").isEmpty();
    }
  }

  @Test
  void shouldRefuseAndKeepNoProofWhenTheCheckpointIsNotSignedByTheConfiguredKey() throws Exception {
    String otherKey = NoteSigner.generate(LogPlatform.ORIGIN).verifierKey().toString();
    try (SealtrailClient client = client(otherKey)) {
      var accepted = (Outcome.Accepted) client.submit(events("forged-", 1).get(0).build());

      ProofOutcome outcome =
          Eventually.await(
              () -> fetch(client, accepted.eventId()),
              o -> !(o instanceof ProofOutcome.NotYet),
              "an answer with a proof");

      assertThat(outcome).isInstanceOf(ProofOutcome.Failed.class);
      assertThat(client.proofs().stored(IngestPlatform.PARTNER, accepted.eventId())).isEmpty();
    }
  }

  private static ProofOutcome fetch(SealtrailClient client, String eventId) {
    try {
      return client.proofs().fetch(IngestPlatform.PARTNER, eventId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ProofOutcome> awaitProofs(SealtrailClient client, int count)
      throws InterruptedException {
    List<ProofOutcome> proven = new java.util.ArrayList<>();
    Eventually.await(
        () -> {
          try {
            client.proofs().fetchAll().stream()
                .filter(p -> p instanceof ProofOutcome.Proven)
                .forEach(proven::add);
            return proven.size();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        n -> n >= count,
        count + " proofs");
    return proven;
  }

  private static List<CustodyEvent.Builder> events(String prefix, int count) {
    Instant occurred = Instant.now().minus(1, ChronoUnit.MINUTES);
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                CustodyEvent.builder()
                    .eventId(prefix + i)
                    .occurredAt(occurred)
                    .partnerId(IngestPlatform.PARTNER)
                    .site("factory-1")
                    .subject("DEV-" + prefix + i)
                    .detail(new Detail.SealApplied("S-" + i)))
        .toList();
  }

  private SealtrailClient client(String logKey) throws IOException {
    return SealtrailClient.builder(ingest.url())
        .signer(KEY)
        .outbox(outbox)
        .retry(QUICK)
        .resendInterval(Duration.ZERO)
        .logKey(logKey)
        .logUrl(log.url())
        .logToken(log.token(Role.AUDITOR))
        .build();
  }
}
