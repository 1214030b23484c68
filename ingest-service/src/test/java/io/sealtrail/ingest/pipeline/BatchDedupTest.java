package io.sealtrail.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.dedup.DedupEntry;
import io.sealtrail.ingest.dedup.DedupState;
import io.sealtrail.ingest.submission.Submission;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a batch sees of dedup state while its transaction is open, and after it ends. */
class BatchDedupTest {
  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
  private static final String SHA = "d".repeat(64);

  private final DedupState state = new DedupState();
  private final BatchDedup batch = new BatchDedup(state);

  @BeforeEach
  void ownPartition() {
    state.own(1);
  }

  @Test
  void shouldSeeAnEventAcceptedEarlierInTheBatchWhenNotYetCommitted() {
    batch.add(accepted("acme/ev-1", 17));

    var known = batch.find(1, "acme/ev-1");

    assertThat(known)
        .hasValueSatisfying(
            k -> {
              assertThat(k.payloadSha256()).isEqualTo(SHA);
              assertThat(k.position().get()).isEqualTo(new EventPosition(0, 17));
            });
    assertThat(state.find(1, "acme/ev-1")).isEmpty();
  }

  @Test
  void shouldRememberTheBatchEventsWhenTheTransactionCommits() {
    batch.add(accepted("acme/ev-1", 17));

    batch.commit();

    assertThat(state.find(1, "acme/ev-1")).contains(new DedupEntry(SHA, 0, 17, T0));
  }

  @Test
  void shouldForgetTheBatchEventsWhenTheTransactionAborts() {
    batch.add(accepted("acme/ev-1", 17));

    batch.discard();

    assertThat(batch.find(1, "acme/ev-1")).isEmpty();
    assertThat(state.find(1, "acme/ev-1")).isEmpty();
  }

  private static Written.Accepted accepted(String key, long eventsOffset) {
    var metadata =
        new RecordMetadata(new TopicPartition("custody.events", 0), eventsOffset, 0, 0L, 0, 0);
    var submission = Submission.http(new byte[] {1}, T0, null);
    return new Written.Accepted(
        submission, "acme", 1, key, "ev-1", SHA, null, CompletableFuture.completedFuture(metadata));
  }
}
