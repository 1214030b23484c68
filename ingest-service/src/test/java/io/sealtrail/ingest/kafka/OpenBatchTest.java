package io.sealtrail.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When a gathering transaction is due, by size and by time on an injected clock. */
class OpenBatchTest {
  private static final Duration DELAY = Duration.ofMillis(20);
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final OpenBatch batch = new OpenBatch(new TransactionBounds(3, DELAY), now::get);

  @Test
  void shouldBeDueWhenItHoldsMaxRecordsBeforeTheDelay() {
    batch.add(List.of(record(0, 0), record(0, 1)));
    assertThat(batch.due()).isFalse();

    batch.add(List.of(record(1, 0)));

    assertThat(batch.due()).isTrue();
  }

  @Test
  void shouldBeDueWhenTheDelaySinceItsFirstRecordPassedWithoutMoreRecords() {
    batch.add(List.of(record(0, 0)));
    now.addAndGet(DELAY.toNanos() - 1);
    assertThat(batch.due()).isFalse();

    now.addAndGet(1);

    assertThat(batch.due()).isTrue();
  }

  @Test
  void shouldCountTheDelayFromTheFirstRecordNotTheLatest() {
    batch.add(List.of(record(0, 0)));
    now.addAndGet(DELAY.toNanos() / 2);
    batch.add(List.of(record(0, 1)));

    now.addAndGet(DELAY.toNanos() / 2);

    assertThat(batch.due()).isTrue();
  }

  @Test
  void shouldPollNoLongerThanUntilItIsDue() {
    Duration idle = Duration.ofMillis(100);
    assertThat(batch.pollTimeout(idle)).isEqualTo(idle);

    batch.add(List.of(record(0, 0)));
    now.addAndGet(Duration.ofMillis(5).toNanos());

    assertThat(batch.pollTimeout(idle)).isEqualTo(Duration.ofMillis(15));
    now.addAndGet(Duration.ofMillis(50).toNanos());
    assertThat(batch.pollTimeout(idle)).isEqualTo(Duration.ZERO);
  }

  @Test
  void shouldNeverBeDueWhenEmptyHoweverLate() {
    now.addAndGet(Duration.ofHours(1).toNanos());

    assertThat(batch.due()).isFalse();
    assertThat(batch.take()).isEmpty();
  }

  @Test
  void shouldTakeTheRecordsInPollOrderAndStartAfresh() {
    var first = List.of(record(1, 0), record(0, 0));
    var second = List.of(record(1, 1));
    batch.add(first);
    batch.add(second);

    assertThat(batch.take()).containsExactly(first.get(0), first.get(1), second.get(0));
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.due()).isFalse();
  }

  @Test
  void shouldDropTheRecordsOfPartitionsLetGo() {
    var kept = record(1, 0);
    batch.add(List.of(record(0, 0), kept, record(0, 1)));

    batch.drop(List.of(new TopicPartition("in", 0)));

    assertThat(batch.take()).containsExactly(kept);
  }

  private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
    return new ConsumerRecord<>("in", partition, offset, "k", new byte[0]);
  }
}
